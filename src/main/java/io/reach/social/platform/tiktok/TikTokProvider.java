package io.reach.social.platform.tiktok;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.JsonErrorBodies;
import io.reach.social.platform.OAuth2Platform;
import io.reach.social.platform.PlatformHttp;
import io.reach.social.platform.ProviderRefused;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * TikTok (Login Kit and Content Posting API v2): the authorization URL with {@code client_key}
 * and PKCE ({@code /v2/auth/authorize/}), tokens ({@code POST /v2/oauth/token/}), the profile
 * with its counts ({@code /v2/user/info/}), publishing a video or photos that TikTok pulls from
 * their URLs ({@code /v2/post/publish/video/init/}, {@code /v2/post/publish/content/init/}) and
 * then asking how it went ({@code /v2/post/publish/status/fetch/}), and the account's videos
 * ({@code /v2/video/list/}, {@code /v2/video/query/}).
 *
 * <p>Publishing and watching the publish is {@link TikTokPublishing}: a video still being
 * processed after the configured polls is retryable, and the next attempt resumes watching the
 * same {@code publish_id} instead of posting the video again. TikTok explains every refusal in
 * {@code error.code}, sometimes with HTTP 200 ({@link TikTokApi}): a refused token is refreshed
 * once, {@code rate_limit_exceeded} waits (Retry-After), {@code spam_risk_*} and
 * {@code invalid_params} are final. TikTok sends no comment webhooks and has no delete API, so
 * those keep the defaults.
 */
@Component
class TikTokProvider extends OAuth2Platform {

    static final String SCOPES = "user.info.basic,user.info.profile,user.info.stats,video.list,video.publish";
    private static final String USER_FIELDS = "open_id,union_id,avatar_url,display_name,username,profile_deep_link,"
            + "is_verified,follower_count,following_count,likes_count,video_count";
    private static final String LOOKUP_FIELDS = "id,title,video_description,create_time";
    private static final String CONTENT_FIELDS =
            "id,title,video_description,create_time,share_url,like_count," + "comment_count,share_count,view_count";

    private final TikTokApi api;
    private final TikTokPublishing publishing;

    TikTokProvider(
            @Value("${reach.social.tiktok.client-id:}") String clientKey,
            @Value("${reach.social.tiktok.client-secret:}") String clientSecret,
            @Value("${reach.social.tiktok.auth-base-url:https://www.tiktok.com}") String authBaseUrl,
            @Value("${reach.social.tiktok.api-base-url:https://open.tiktokapis.com}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout,
            @Value("${reach.social.tiktok.status-polls:5}") int statusPolls,
            @Value("${reach.social.tiktok.status-poll-interval:2s}") Duration statusPause,
            Clock clock) {
        super(clientKey, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.api = new TikTokApi(clock);
        this.publishing = new TikTokPublishing(http, api, clock, statusPolls, statusPause);
    }

    @Override
    public String platform() {
        return "tiktok";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(
                authBaseUrl + "/v2/auth/authorize/",
                "client_key",
                clientId(),
                redirectUri,
                state,
                codeChallenge,
                SCOPES,
                Map.of());
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_key", clientId());
        form.add("client_secret", clientSecret());
        try {
            JsonNode body = http.post()
                    .uri("/v2/oauth/token/")
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            // TikTok answers a refused grant with HTTP 200 and {"error": "invalid_grant", "error_description": …}
            if (body != null
                    && body.path("error").isString()
                    && !body.path("access_token").isString()) {
                throw new ProviderRefused(
                        "TikTok",
                        body.get("error").asString() + ": "
                                + JsonErrorBodies.text(body, "error_description", "no description"));
            }
            return parsed("TikTok", body);
        } catch (RestClientResponseException e) {
            JsonNode body = JsonErrorBodies.bodyOf(e);
            throw new ProviderRefused(
                    "TikTok",
                    body.path("error_description").isString()
                            ? body.path("error").asString("") + ": "
                                    + body.get("error_description").asString()
                            : PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        JsonNode user;
        try {
            user = userInfo(accessToken);
        } catch (PlatformError e) {
            throw new ProviderRefused("TikTok", e.getMessage());
        }
        String openId = JsonErrorBodies.text(user, "open_id", "");
        if (openId.isEmpty()) {
            throw new ProviderRefused("TikTok", "no profile in its answer");
        }
        String username = JsonErrorBodies.text(user, "username", "");
        String displayName = JsonErrorBodies.text(user, "display_name", "");
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("followers_count", JsonErrorBodies.count(user, "follower_count"));
        metadata.put("following_count", JsonErrorBodies.count(user, "following_count"));
        metadata.put("likes_count", JsonErrorBodies.count(user, "likes_count"));
        metadata.put("video_count", JsonErrorBodies.count(user, "video_count"));
        metadata.put("verified", user.path("is_verified").asBoolean(false));
        metadata.put("avatar_url", JsonErrorBodies.text(user, "avatar_url", ""));
        metadata.put("union_id", JsonErrorBodies.text(user, "union_id", ""));
        String deepLink = JsonErrorBodies.text(user, "profile_deep_link", "");
        return new Profile(
                openId,
                username.isEmpty() ? (displayName.isEmpty() ? openId : displayName) : "@" + username,
                displayName.isEmpty() ? null : displayName,
                !deepLink.isEmpty() ? deepLink : username.isEmpty() ? null : "https://www.tiktok.com/@" + username,
                metadata);
    }

    @Override
    public Optional<Metrics> metrics(Account account) {
        JsonNode user = userInfo(account.accessToken());
        return Optional.of(Metrics.counts(
                JsonErrorBodies.count(user, "follower_count"),
                JsonErrorBodies.count(user, "following_count"),
                JsonErrorBodies.count(user, "video_count"),
                Map.of(
                        "likes_count",
                        JsonErrorBodies.count(user, "likes_count"),
                        "verified",
                        user.path("is_verified").asBoolean(false))));
    }

    private JsonNode userInfo(String accessToken) {
        JsonNode body = api.call(
                false,
                () -> http.get()
                        .uri(uri -> uri.path("/v2/user/info/")
                                .queryParam("fields", USER_FIELDS)
                                .build())
                        .headers(h -> h.setBearerAuth(accessToken))
                        .retrieve()
                        .body(JsonNode.class));
        return body.path("data").path("user");
    }

    /**
     * Posts the video (or, without one, the photos) for TikTok to pull from its URL and watches the
     * publish ({@link TikTokPublishing}).
     */
    @Override
    public String publish(Account account, Publication publication) {
        return publishing.publish(account, publication);
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String text = publication.text().strip();
        long after = since.minusSeconds(60).getEpochSecond();
        return videos(account, LOOKUP_FIELDS, 20).stream()
                .filter(video -> video.path("create_time").asLong(0) >= after
                        && (text.equals(JsonErrorBodies.text(video, "title", "").strip())
                                || text.equals(JsonErrorBodies.text(video, "video_description", "")
                                        .strip())))
                .map(video -> JsonErrorBodies.text(video, "id", ""))
                .filter(id -> !id.isEmpty())
                .findFirst();
    }

    @Override
    public List<Content> recentContent(Account account, int limit) {
        return videos(account, CONTENT_FIELDS, limit).stream()
                .map(TikTokProvider::content)
                .toList();
    }

    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        JsonNode body = api.call(
                false,
                () -> http.post()
                        .uri(uri -> uri.path("/v2/video/query/")
                                .queryParam("fields", CONTENT_FIELDS)
                                .build())
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("filters", Map.of("video_ids", List.of(platformPostId))))
                        .retrieve()
                        .body(JsonNode.class));
        return body.path("data")
                .path("videos")
                .valueStream()
                .filter(video -> platformPostId.equals(JsonErrorBodies.text(video, "id", "")))
                .findFirst()
                .map(TikTokProvider::content);
    }

    /** The account's newest videos, following TikTok's cursor (at most 20 a page) up to {@code limit}. */
    private List<JsonNode> videos(Account account, String fields, int limit) {
        List<JsonNode> videos = new ArrayList<>();
        @Nullable Long cursor = null;
        while (videos.size() < limit) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("max_count", Math.min(20, limit - videos.size()));
            if (cursor != null) {
                request.put("cursor", cursor);
            }
            JsonNode data = api.call(
                            false,
                            () -> http.post()
                                    .uri(uri -> uri.path("/v2/video/list/")
                                            .queryParam("fields", fields)
                                            .build())
                                    .headers(h -> h.setBearerAuth(account.accessToken()))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(request)
                                    .retrieve()
                                    .body(JsonNode.class))
                    .path("data");
            int before = videos.size();
            data.path("videos").valueStream().limit(limit - videos.size()).forEach(videos::add);
            if (!data.path("has_more").asBoolean(false)
                    || videos.size() == before
                    || !data.path("cursor").isNumber()) {
                break;
            }
            cursor = data.get("cursor").asLong();
        }
        return videos;
    }

    private static Content content(JsonNode video) {
        String id = JsonErrorBodies.text(video, "id", "");
        String title = JsonErrorBodies.text(video, "title", JsonErrorBodies.text(video, "video_description", ""));
        return new Content(
                id,
                JsonErrorBodies.text(video, "share_url", "https://www.tiktok.com/video/" + id),
                title.isEmpty() ? null : title,
                "video",
                Instant.ofEpochSecond(video.path("create_time").asLong(0)),
                JsonErrorBodies.count(video, "like_count"),
                JsonErrorBodies.count(video, "comment_count"),
                JsonErrorBodies.count(video, "share_count"),
                0,
                JsonErrorBodies.count(video, "view_count"),
                0);
    }
}
