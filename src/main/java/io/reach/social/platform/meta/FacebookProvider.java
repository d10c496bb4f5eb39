package io.reach.social.platform.meta;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.ActionInputs;
import io.reach.social.platform.PlatformHttp;
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
 * Facebook Pages (Graph API v21.0). The user signs in with the Facebook Login dialog (with PKCE);
 * the user token is made long-lived and kept. The connected account is the user's first Page:
 * every Page call first asks Meta for the Page's token with the user token
 * ({@code GET /{page-id}?fields=access_token}), so no Page token is ever stored. Facebook sends
 * webhooks, so nothing is polled.
 */
@Component
class FacebookProvider extends MetaGraphPlatform {

    static final String VERSION = "/v21.0";
    /** Page insights Meta still reports: views replaced impressions in 2025, unique views replaced reach. */
    static final String PAGE_METRICS =
            "page_media_view,page_total_media_view_unique,page_post_engagements,page_views_total";

    static final String POST_METRICS = "post_total_media_view_unique,post_media_view";
    static final String POST_FIELDS =
            "id,message,permalink_url,created_time,shares,reactions.summary(true)," + "comments.summary(true)";

    FacebookProvider(
            @Value("${reach.social.facebook.client-id:}") String clientId,
            @Value("${reach.social.facebook.client-secret:}") String clientSecret,
            @Value("${reach.social.facebook.auth-base-url:https://www.facebook.com}") String authBaseUrl,
            @Value("${reach.social.facebook.api-base-url:https://graph.facebook.com}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout,
            Clock clock) {
        super("Facebook", clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
    }

    @Override
    public String platform() {
        return "facebook";
    }

    @Override
    protected String scopes() {
        return "pages_show_list,pages_read_engagement,pages_read_user_content,pages_manage_posts,"
                + "pages_manage_engagement,read_insights";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(
                authBaseUrl + VERSION + "/dialog/oauth", clientId(), redirectUri, state, codeChallenge, scopes());
    }

    @Override
    protected @Nullable JsonNode shortLivedToken(String code, String codeVerifier, String redirectUri) {
        return graph.get()
                .uri(uri -> uri.path(VERSION + "/oauth/access_token")
                        .queryParam("client_id", clientId())
                        .queryParam("client_secret", clientSecret())
                        .queryParam("redirect_uri", redirectUri)
                        .queryParam("code", code)
                        .queryParam("code_verifier", codeVerifier)
                        .build())
                .retrieve()
                .body(JsonNode.class);
    }

    @Override
    protected @Nullable JsonNode longLivedToken(String shortLived) {
        return exchangeToken(shortLived);
    }

    /** Facebook renews a long-lived user token by exchanging it again. */
    @Override
    protected @Nullable JsonNode renewedToken(String longLived) {
        return exchangeToken(longLived);
    }

    private @Nullable JsonNode exchangeToken(String token) {
        return graph.get()
                .uri(uri -> uri.path(VERSION + "/oauth/access_token")
                        .queryParam("grant_type", "fb_exchange_token")
                        .queryParam("client_id", clientId())
                        .queryParam("client_secret", clientSecret())
                        .queryParam("fb_exchange_token", token)
                        .build())
                .retrieve()
                .body(JsonNode.class);
    }

    /** The first Page the user manages; its own token is read and dropped, never kept. */
    @Override
    public Profile profile(String accessToken) {
        JsonNode pages = connecting(() -> read(
                accessToken,
                uri -> uri.path(VERSION + "/me/accounts")
                        .queryParam("fields", "id,name,link,fan_count,followers_count,access_token")
                        .build()));
        JsonNode page = pages.path("data").path(0);
        if (!page.path("id").isString()) {
            throw new ProviderRefused(label, "the signed-in user manages no Facebook Page (or granted Reach none)");
        }
        String name = page.path("name").asString(page.get("id").asString());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("followers_count", page.path("followers_count").asLong(0));
        metadata.put("fan_count", page.path("fan_count").asLong(0));
        return new Profile(
                page.get("id").asString(),
                name,
                name,
                page.path("link").isString() ? page.get("link").asString() : null,
                metadata);
    }

    /** The Page's token, asked for with the user's token for this call only. */
    String pageToken(Account account) {
        JsonNode page = read(
                account.accessToken(),
                uri -> uri.path(VERSION + "/{page}")
                        .queryParam("fields", "access_token")
                        .build(account.platformUserId()));
        String token = page.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL,
                    null,
                    null,
                    "Facebook gave no token for Page " + account.platformUserId()
                            + ": the user no longer manages it; reconnect the account");
        }
        return token;
    }

    /**
     * Text goes to the feed, one image to {@code photos}, a video to {@code videos}; several images
     * are uploaded unpublished and attached to one feed post.
     */
    @Override
    public String publish(Account account, Publication publication) {
        String page = account.platformUserId();
        String token = pageToken(account);
        List<Publication.Medium> media = publication.media();
        if (publication.hasVideo()) {
            if (media.size() > 1) {
                throw new PlatformError(
                        PlatformError.Kind.TERMINAL,
                        null,
                        null,
                        "Facebook takes a video alone in a post, not with other media");
            }
            return idOf(
                    send(
                            token,
                            uri -> uri.path(VERSION + "/{page}/videos").build(page),
                            form("file_url", media.getFirst().url(), "description", publication.text()),
                            true),
                    "video");
        }
        if (media.size() == 1) {
            JsonNode photo = send(
                    token,
                    uri -> uri.path(VERSION + "/{page}/photos").build(page),
                    form("url", media.getFirst().url(), "caption", publication.text()),
                    true);
            return photo.path("post_id").isString() ? photo.get("post_id").asString() : idOf(photo, "photo");
        }
        MultiValueMap<String, String> post = form("message", publication.text());
        List<String> photos = new ArrayList<>();
        for (Publication.Medium medium : media) {
            photos.add(idOf(
                    send(
                            token,
                            uri -> uri.path(VERSION + "/{page}/photos").build(page),
                            form("url", medium.url(), "published", "false"),
                            false),
                    "photo"));
        }
        for (int i = 0; i < photos.size(); i++) {
            post.add("attached_media[" + i + "]", "{\"media_fbid\":\"" + photos.get(i) + "\"}");
        }
        return idOf(send(token, uri -> uri.path(VERSION + "/{page}/feed").build(page), post, true), "post");
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String token = pageToken(account);
        JsonNode posts = read(
                token,
                uri -> uri.path(VERSION + "/{page}/posts")
                        .queryParam("fields", "id,message,created_time")
                        .queryParam("limit", 25)
                        .build(account.platformUserId()));
        return findByText(posts, "message", "created_time", publication.text(), since);
    }

    @Override
    public void delete(Account account, String platformPostId) {
        remove(pageToken(account), VERSION, platformPostId);
    }

    @Override
    public Optional<Metrics> metrics(Account account) {
        String token = pageToken(account);
        String page = account.platformUserId();
        JsonNode counts = read(
                token,
                uri -> uri.path(VERSION + "/{page}")
                        .queryParam("fields", "fan_count,followers_count")
                        .build(page));
        Map<String, Long> insights = insights(() -> read(
                        token,
                        uri -> uri.path(VERSION + "/{page}/insights")
                                .queryParam("metric", PAGE_METRICS)
                                .queryParam("period", "day")
                                .build(page)))
                .map(MetaGraphPlatform::insightValues)
                .orElse(Map.of());
        long followers =
                counts.path("followers_count").asLong(counts.path("fan_count").asLong(0));
        Map<String, Object> extra = new HashMap<>(insights);
        extra.put("fan_count", counts.path("fan_count").asLong(0));
        return Optional.of(new Metrics(
                followers,
                0,
                0,
                insights.getOrDefault("page_total_media_view_unique", 0L),
                insights.getOrDefault("page_media_view", 0L),
                insights.getOrDefault("page_post_engagements", 0L),
                insights.getOrDefault("page_views_total", 0L),
                extra));
    }

    @Override
    public List<Content> recentContent(Account account, int limit) {
        return latest(
                pageToken(account),
                VERSION + "/{page}/posts",
                account.platformUserId(),
                POST_FIELDS,
                limit,
                this::content);
    }

    /** One post (read with the Page's token) and its insights; empty when the post is gone. */
    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        return one(pageToken(account), VERSION, platformPostId, POST_FIELDS, this::content);
    }

    private Content content(String token, JsonNode post) {
        String id = post.path("id").asString("");
        Map<String, Long> insights = objectInsights(token, VERSION, id, POST_METRICS);
        Instant postedAt = time(post.path("created_time").asString(""));
        return new Content(
                id,
                post.path("permalink_url").asString(""),
                post.path("message").isString() ? post.get("message").asString() : null,
                null,
                postedAt == null ? Instant.EPOCH : postedAt,
                post.path("reactions").path("summary").path("total_count").asLong(0),
                post.path("comments").path("summary").path("total_count").asLong(0),
                post.path("shares").path("count").asLong(0),
                0,
                insights.getOrDefault("post_total_media_view_unique", 0L),
                insights.getOrDefault("post_media_view", 0L));
    }

    /** {@code reply} comments on a post or comment, {@code like} likes it, both as the Page. */
    @Override
    public String act(Account account, Action action) {
        String target = ActionInputs.required(
                action.targetId(), "Facebook " + action.kind() + " needs the id of a post or comment");
        return switch (action.kind()) {
            case "reply" -> {
                String text = ActionInputs.required(action.text(), "A Facebook reply needs text");
                yield idOf(
                        send(
                                pageToken(account),
                                uri -> uri.path(VERSION + "/{target}/comments").build(target),
                                form("message", text),
                                true),
                        "comment");
            }
            case "like" -> {
                send(
                        pageToken(account),
                        uri -> uri.path(VERSION + "/{target}/likes").build(target),
                        form(),
                        true);
                yield target;
            }
            default -> throw unsupported(action.kind() + " actions");
        };
    }
}
