package io.reach.social.platform.meta;

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
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Threads (graph.threads.net, v1.0): a short-lived token from {@code /oauth/access_token} made
 * long-lived with {@code th_exchange_token} and refreshed with {@code th_refresh_token};
 * publishing through media containers (text, image, video, carousel); deleting; user and post
 * insights; replies (a reply is a thread with {@code reply_to_id}) and reposts.
 */
@Component
class ThreadsProvider extends MetaGraphPlatform {

    static final String VERSION = "/v1.0";
    static final String USER_METRICS = "views,likes,replies,reposts,quotes,followers_count";
    static final String POST_METRICS = "views,likes,replies,reposts,quotes,shares";
    static final String POST_FIELDS = "id,text,permalink,timestamp,media_type";

    private final MediaContainers containers;

    ThreadsProvider(
            @Value("${reach.social.threads.client-id:}") String clientId,
            @Value("${reach.social.threads.client-secret:}") String clientSecret,
            @Value("${reach.social.threads.auth-base-url:https://threads.net}") String authBaseUrl,
            @Value("${reach.social.threads.api-base-url:https://graph.threads.net}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout,
            @Value("${reach.social.meta.container-checks:5}") int containerChecks,
            @Value("${reach.social.meta.container-check-pause:3s}") Duration containerCheckPause,
            Clock clock) {
        super("Threads", clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.containers = new MediaContainers(
                this,
                VERSION,
                "threads",
                "status,error_message",
                "threads_publish",
                containerChecks,
                containerCheckPause);
    }

    @Override
    public String platform() {
        return "threads";
    }

    @Override
    protected String scopes() {
        return "threads_basic,threads_content_publish,threads_manage_insights,threads_manage_replies";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return dialogUrl(authBaseUrl + "/oauth/authorize", state, redirectUri);
    }

    @Override
    protected @Nullable JsonNode shortLivedToken(String code, String codeVerifier, String redirectUri) {
        return codeTradedByForm(graph.post().uri("/oauth/access_token"), code, redirectUri);
    }

    @Override
    protected @Nullable JsonNode longLivedToken(String shortLived) {
        return longLivedTokenFor("th", shortLived);
    }

    @Override
    protected @Nullable JsonNode renewedToken(String longLived) {
        return renewedTokenFor("th", longLived);
    }

    @Override
    public Profile profile(String accessToken) {
        JsonNode me = connecting(() -> read(
                accessToken,
                uri -> uri.path(VERSION + "/me")
                        .queryParam("fields", "id,username,name,threads_profile_picture_url")
                        .build()));
        if (!me.path("id").isString() || !me.path("username").isString()) {
            throw new ProviderRefused(label, "no profile in its answer");
        }
        String username = me.get("username").asString();
        return new Profile(
                me.get("id").asString(),
                "@" + username,
                me.path("name").isString() ? me.get("name").asString() : null,
                "https://www.threads.net/@" + username,
                Map.of(
                        "profile_picture_url",
                        me.path("threads_profile_picture_url").asString("")));
    }

    @Override
    public String publish(Account account, Publication publication) {
        String token = account.accessToken();
        String user = account.platformUserId();
        List<Publication.Medium> media = publication.media();
        MultiValueMap<String, String> container;
        if (media.isEmpty()) {
            container = form("media_type", "TEXT", "text", publication.text());
        } else if (media.size() == 1) {
            container = item(media.getFirst());
            container.add("text", publication.text());
        } else {
            List<String> children = new ArrayList<>();
            for (Publication.Medium medium : media) {
                MultiValueMap<String, String> child = item(medium);
                child.add("is_carousel_item", "true");
                String id = containers.make(token, user, child);
                if (medium.isVideo()) {
                    containers.awaitFinished(token, id);
                }
                children.add(id);
            }
            container =
                    form("media_type", "CAROUSEL", "children", String.join(",", children), "text", publication.text());
        }
        return containers.publish(token, user, containers.make(token, user, container));
    }

    private static MultiValueMap<String, String> item(Publication.Medium medium) {
        return medium.isVideo()
                ? form("media_type", "VIDEO", "video_url", medium.url())
                : form("media_type", "IMAGE", "image_url", medium.url());
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        JsonNode threads = read(
                account.accessToken(),
                uri -> uri.path(VERSION + "/{user}/threads")
                        .queryParam("fields", "id,text,timestamp")
                        .queryParam("limit", 25)
                        .build(account.platformUserId()));
        return findByText(threads, "text", "timestamp", publication.text(), since);
    }

    @Override
    public void delete(Account account, String platformPostId) {
        remove(account.accessToken(), VERSION, platformPostId);
    }

    /** Threads' {@code views} are views of the profile; engagement is likes, replies, reposts and quotes. */
    @Override
    public Optional<Metrics> metrics(Account account) {
        Map<String, Long> insights = insightValues(read(
                account.accessToken(),
                uri -> uri.path(VERSION + "/{user}/threads_insights")
                        .queryParam("metric", USER_METRICS)
                        .build(account.platformUserId())));
        long engagement = insights.getOrDefault("likes", 0L)
                + insights.getOrDefault("replies", 0L)
                + insights.getOrDefault("reposts", 0L)
                + insights.getOrDefault("quotes", 0L);
        return Optional.of(new Metrics(
                insights.getOrDefault("followers_count", 0L),
                0,
                0,
                0,
                0,
                engagement,
                insights.getOrDefault("views", 0L),
                new HashMap<>(insights)));
    }

    @Override
    public Optional<Audience> audience(Account account) {
        return Optional.of(demographics(
                account.accessToken(),
                breakdown -> uri -> uri.path(VERSION + "/{user}/threads_insights")
                        .queryParam("metric", "follower_demographics")
                        .queryParam("breakdown", breakdown)
                        .build(account.platformUserId())));
    }

    @Override
    public List<Content> recentContent(Account account, int limit) {
        return latest(
                account.accessToken(),
                VERSION + "/{user}/threads",
                account.platformUserId(),
                POST_FIELDS,
                limit,
                this::content);
    }

    /** One thread and its insights; empty when the post is gone. */
    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        return one(account.accessToken(), VERSION, platformPostId, POST_FIELDS, this::content);
    }

    /** Threads reports no unique reach; a post's views stand in for it. */
    private Content content(String token, JsonNode post) {
        String id = post.path("id").asString("");
        Map<String, Long> insights = objectInsights(token, VERSION, id, POST_METRICS);
        Instant postedAt = time(post.path("timestamp").asString(""));
        long views = insights.getOrDefault("views", 0L);
        return new Content(
                id,
                post.path("permalink").asString(""),
                post.path("text").isString() ? post.get("text").asString() : null,
                mediaType(post),
                postedAt == null ? Instant.EPOCH : postedAt,
                insights.getOrDefault("likes", 0L),
                insights.getOrDefault("replies", 0L),
                insights.getOrDefault("reposts", 0L)
                        + insights.getOrDefault("quotes", 0L)
                        + insights.getOrDefault("shares", 0L),
                0,
                views,
                views);
    }

    private static String mediaType(JsonNode post) {
        return switch (post.path("media_type").asString("")) {
            case "IMAGE" -> "photo";
            case "VIDEO" -> "video";
            case "CAROUSEL_ALBUM" -> "carousel";
            default -> "text";
        };
    }

    /** {@code reply} publishes a thread in reply to the target; {@code repost} reposts it. */
    @Override
    public String act(Account account, Action action) {
        String token = account.accessToken();
        if (!action.kind().equals("reply") && !action.kind().equals("repost")) {
            throw unsupported(action.kind() + " actions");
        }
        String target =
                ActionInputs.required(action.targetId(), "A Threads " + action.kind() + " needs the id of a post");
        if (action.kind().equals("repost")) {
            return idOf(
                    send(token, uri -> uri.path(VERSION + "/{media}/repost").build(target), form(), true), "repost");
        }
        String text = ActionInputs.required(action.text(), "A Threads reply needs text");
        String user = account.platformUserId();
        String container =
                containers.make(token, user, form("media_type", "TEXT", "text", text, "reply_to_id", target));
        return containers.publish(token, user, container);
    }
}
