package io.reach.social.platform.meta;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.ActionInputs;
import io.reach.social.platform.ProviderRefused;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Instagram professional accounts through the Instagram API with Instagram Login
 * (graph.instagram.com): Business Login for Instagram, a short-lived token from
 * {@code api.instagram.com} made long-lived with {@code ig_exchange_token} and refreshed with
 * {@code ig_refresh_token}; publishing through media containers; account and media insights
 * ({@code views} where Meta retired {@code impressions}); comments, replies and direct messages.
 * Instagram has no API to delete a post.
 */
@Component
class InstagramProvider extends MetaGraphPlatform {

    static final String VERSION = "/v21.0";
    static final String ACCOUNT_METRICS = "reach,views,profile_views,accounts_engaged";
    static final String MEDIA_METRICS = "reach,saved,shares,views";
    static final String MEDIA_FIELDS =
            "id,caption,media_type,media_product_type,permalink,timestamp,like_count," + "comments_count";

    private final String tokenUrl;
    private final MediaContainers containers;

    InstagramProvider(
            @Value("${reach.social.instagram.client-id:}") String clientId,
            @Value("${reach.social.instagram.client-secret:}") String clientSecret,
            @Value("${reach.social.instagram.auth-base-url:https://www.instagram.com}") String authBaseUrl,
            @Value("${reach.social.instagram.api-base-url:https://graph.instagram.com}") String apiBaseUrl,
            @Value("${reach.social.instagram.token-url:https://api.instagram.com/oauth/access_token}") String tokenUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout,
            @Value("${reach.social.meta.container-checks:5}") int containerChecks,
            @Value("${reach.social.meta.container-check-pause:3s}") Duration containerCheckPause,
            Clock clock) {
        super("Instagram", clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.tokenUrl = tokenUrl;
        this.containers = new MediaContainers(
                this, VERSION, "media", "status_code,status", "media_publish", containerChecks, containerCheckPause);
    }

    @Override
    public String platform() {
        return "instagram";
    }

    @Override
    protected String scopes() {
        return "instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments,"
                + "instagram_business_manage_insights";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return dialogUrl(authBaseUrl + "/oauth/authorize", state, redirectUri);
    }

    @Override
    protected @Nullable JsonNode shortLivedToken(String code, String codeVerifier, String redirectUri) {
        return codeTradedByForm(graph.post().uri(URI.create(tokenUrl)), code, redirectUri);
    }

    @Override
    protected @Nullable JsonNode longLivedToken(String shortLived) {
        return longLivedTokenFor("ig", shortLived);
    }

    @Override
    protected @Nullable JsonNode renewedToken(String longLived) {
        return renewedTokenFor("ig", longLived);
    }

    @Override
    public Profile profile(String accessToken) {
        JsonNode me = connecting(() -> read(
                accessToken,
                uri -> uri.path(VERSION + "/me")
                        .queryParam(
                                "fields",
                                "user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count")
                        .build()));
        String id = me.path("user_id").asString(me.path("id").asString(""));
        if (id.isEmpty() || !me.path("username").isString()) {
            throw new ProviderRefused(label, "no profile in its answer");
        }
        String username = me.get("username").asString();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("followers_count", me.path("followers_count").asLong(0));
        metadata.put("following_count", me.path("follows_count").asLong(0));
        metadata.put("media_count", me.path("media_count").asLong(0));
        metadata.put("account_type", me.path("account_type").asString(""));
        metadata.put("profile_picture_url", me.path("profile_picture_url").asString(""));
        return new Profile(
                id,
                "@" + username,
                me.path("name").isString() ? me.get("name").asString() : null,
                "https://www.instagram.com/" + username,
                metadata);
    }

    /** One image, one video (as a reel), or a carousel of both; Instagram takes no post without media. */
    @Override
    public String publish(Account account, Publication publication) {
        String token = account.accessToken();
        String user = account.platformUserId();
        List<Publication.Medium> media = publication.media();
        if (media.isEmpty()) {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL, null, null, "Instagram posts need an image or a video");
        }
        String container;
        if (media.size() == 1) {
            Publication.Medium medium = media.getFirst();
            container = containers.make(
                    token,
                    user,
                    medium.isVideo()
                            ? form("media_type", "REELS", "video_url", medium.url(), "caption", publication.text())
                            : form("image_url", medium.url(), "caption", publication.text()));
        } else {
            List<String> children = new ArrayList<>();
            for (Publication.Medium medium : media) {
                String child = containers.make(
                        token,
                        user,
                        medium.isVideo()
                                ? form("is_carousel_item", "true", "media_type", "VIDEO", "video_url", medium.url())
                                : form("is_carousel_item", "true", "image_url", medium.url()));
                if (medium.isVideo()) {
                    containers.awaitFinished(token, child);
                }
                children.add(child);
            }
            container = containers.make(
                    token,
                    user,
                    form(
                            "media_type",
                            "CAROUSEL",
                            "children",
                            String.join(",", children),
                            "caption",
                            publication.text()));
        }
        return containers.publish(token, user, container);
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        JsonNode media = read(
                account.accessToken(),
                uri -> uri.path(VERSION + "/{user}/media")
                        .queryParam("fields", "id,caption,timestamp")
                        .queryParam("limit", 25)
                        .build(account.platformUserId()));
        return findByText(media, "caption", "timestamp", publication.text(), since);
    }

    @Override
    public Optional<Metrics> metrics(Account account) {
        String token = account.accessToken();
        JsonNode counts = read(
                token,
                uri -> uri.path(VERSION + "/me")
                        .queryParam("fields", "followers_count,follows_count,media_count")
                        .build());
        Map<String, Long> insights = insights(() -> read(
                        token,
                        uri -> uri.path(VERSION + "/{user}/insights")
                                .queryParam("metric", ACCOUNT_METRICS)
                                .queryParam("period", "day")
                                .queryParam("metric_type", "total_value")
                                .build(account.platformUserId())))
                .map(MetaGraphPlatform::insightValues)
                .orElse(Map.of());
        return Optional.of(new Metrics(
                counts.path("followers_count").asLong(0),
                counts.path("follows_count").asLong(0),
                counts.path("media_count").asLong(0),
                insights.getOrDefault("reach", 0L),
                insights.getOrDefault("views", 0L),
                insights.getOrDefault("accounts_engaged", 0L),
                insights.getOrDefault("profile_views", 0L),
                new HashMap<>(insights)));
    }

    @Override
    public Optional<Audience> audience(Account account) {
        return Optional.of(demographics(
                account.accessToken(),
                breakdown -> uri -> uri.path(VERSION + "/{user}/insights")
                        .queryParam("metric", "follower_demographics")
                        .queryParam("period", "lifetime")
                        .queryParam("metric_type", "total_value")
                        .queryParam("breakdown", breakdown)
                        .build(account.platformUserId())));
    }

    @Override
    public List<Content> recentContent(Account account, int limit) {
        return latest(
                account.accessToken(),
                VERSION + "/{user}/media",
                account.platformUserId(),
                MEDIA_FIELDS,
                limit,
                this::content);
    }

    /** One media object and its insights; empty when the post is gone. */
    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        return one(account.accessToken(), VERSION, platformPostId, MEDIA_FIELDS, this::content);
    }

    private Content content(String token, JsonNode item) {
        String id = item.path("id").asString("");
        Map<String, Long> insights = objectInsights(token, VERSION, id, MEDIA_METRICS);
        Instant postedAt = time(item.path("timestamp").asString(""));
        return new Content(
                id,
                item.path("permalink").asString(""),
                item.path("caption").isString() ? item.get("caption").asString() : null,
                mediaType(item),
                postedAt == null ? Instant.EPOCH : postedAt,
                item.path("like_count").asLong(0),
                item.path("comments_count").asLong(0),
                insights.getOrDefault("shares", 0L),
                insights.getOrDefault("saved", 0L),
                insights.getOrDefault("reach", 0L),
                insights.getOrDefault("views", 0L));
    }

    private static String mediaType(JsonNode item) {
        if (item.path("media_product_type").asString("").equals("REELS")) {
            return "reel";
        }
        return switch (item.path("media_type").asString("")) {
            case "VIDEO" -> "video";
            case "CAROUSEL_ALBUM" -> "carousel";
            default -> "photo";
        };
    }

    /**
     * {@code reply} answers a comment ({@code /replies}) or comments on a post ({@code /comments}),
     * whichever the target is; {@code dm} sends a direct message. Instagram offers no like or repost.
     */
    @Override
    public String act(Account account, Action action) {
        String token = account.accessToken();
        if (!action.kind().equals("reply") && !action.kind().equals("dm")) {
            throw unsupported(action.kind() + " actions");
        }
        String text = ActionInputs.required(action.text(), "An Instagram " + action.kind() + " needs text");
        if (action.kind().equals("dm")) {
            String recipient = ActionInputs.required(action.recipientId(), "An Instagram dm needs a recipient");
            JsonNode sent = sendJson(
                    token,
                    uri -> uri.path(VERSION + "/{user}/messages").build(account.platformUserId()),
                    Map.of("recipient", Map.of("id", recipient), "message", Map.of("text", text)),
                    true);
            String id = sent.path("message_id").asString("");
            if (id.isEmpty()) {
                throw new PlatformError(
                        PlatformError.Kind.UNKNOWN, null, null, "Instagram accepted the message but named no id");
            }
            return id;
        }
        String target = ActionInputs.required(action.targetId(), "An Instagram reply needs a post or comment");
        String edge = isMedia(token, target) ? "comments" : "replies";
        return idOf(
                send(token, uri -> uri.path(VERSION + "/{target}/" + edge).build(target), form("message", text), true),
                "comment");
    }

    /**
     * Whether the id names a media object: media have a {@code media_type}; asking a comment for it
     * is refused, which says it is a comment.
     */
    private boolean isMedia(String token, String id) {
        try {
            return read(
                            token,
                            uri -> uri.path(VERSION + "/{id}")
                                    .queryParam("fields", "id,media_type")
                                    .build(id))
                    .path("media_type")
                    .isString();
        } catch (PlatformError e) {
            if (e.kind() == PlatformError.Kind.TERMINAL && !e.isTokenRejected()) {
                return false;
            }
            throw e;
        }
    }
}
