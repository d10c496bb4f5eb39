package io.reach.social.platform.youtube;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.JsonErrorBodies;
import io.reach.social.platform.OAuth2Platform;
import io.reach.social.platform.PlatformHttp;
import io.reach.social.platform.PlatformMedia;
import io.reach.social.platform.ProviderRefused;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * YouTube: Google OAuth 2 with PKCE and offline access ({@code /o/oauth2/v2/auth}, the token
 * endpoint {@code reach.social.youtube.token-url}), the YouTube Data API v3 (the channel as the
 * profile, resumable video upload, the uploads playlist, comments, ratings) and the YouTube
 * Analytics API v2 (the last 28 days' views and interactions, the audience).
 *
 * <p>This class connects the channel and publishes, finds and deletes its videos; the upload
 * itself is {@link YouTubeUpload} (the video fetched by {@link PlatformMedia}, then streamed into
 * a resumable session), the numbers {@link YouTubeAnalytics}, comments and likes
 * {@link YouTubeComments} (YouTube sends no comment webhooks, so new comments are polled), and
 * Google's refusals are classified by {@link YouTubeApi}.
 */
@Component
class YouTubeProvider extends OAuth2Platform {

    static final String SCOPES = String.join(
            " ",
            "https://www.googleapis.com/auth/youtube.upload",
            "https://www.googleapis.com/auth/youtube.readonly",
            "https://www.googleapis.com/auth/youtube.force-ssl",
            "https://www.googleapis.com/auth/yt-analytics.readonly");

    private final String tokenUrl;
    private final YouTubeApi api;
    private final YouTubeUpload upload;
    private final YouTubeAnalytics analytics;
    private final YouTubeComments comments;

    YouTubeProvider(
            @Value("${reach.social.youtube.client-id:}") String clientId,
            @Value("${reach.social.youtube.client-secret:}") String clientSecret,
            @Value("${reach.social.youtube.auth-base-url:https://accounts.google.com}") String authBaseUrl,
            @Value("${reach.social.youtube.api-base-url:https://www.googleapis.com}") String apiBaseUrl,
            @Value("${reach.social.youtube.token-url:https://oauth2.googleapis.com/token}") String tokenUrl,
            @Value("${reach.social.youtube.analytics-base-url:https://youtubeanalytics.googleapis.com}")
                    String analyticsBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout,
            Clock clock,
            PlatformMedia media) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.tokenUrl = tokenUrl;
        this.api = new YouTubeApi(http, clock);
        this.upload = new YouTubeUpload(http, api, media, apiBaseUrl);
        this.analytics = new YouTubeAnalytics(http, PlatformHttp.client(analyticsBaseUrl, readTimeout), api, clock);
        this.comments = new YouTubeComments(http, api, this::unsupported);
    }

    @Override
    public String platform() {
        return "youtube";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(
                authBaseUrl + "/o/oauth2/v2/auth",
                "client_id",
                clientId(),
                redirectUri,
                state,
                codeChallenge,
                SCOPES,
                Map.of("access_type", "offline", "prompt", "consent", "include_granted_scopes", "true"));
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_id", clientId());
        form.add("client_secret", clientSecret());
        try {
            JsonNode body = http.post()
                    .uri(URI.create(tokenUrl))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            return parsed("YouTube", body);
        } catch (RestClientResponseException e) {
            JsonNode body = JsonErrorBodies.bodyOf(e);
            throw new ProviderRefused(
                    "YouTube",
                    body.path("error_description").isString()
                            ? body.path("error").asString("") + ": "
                                    + body.get("error_description").asString()
                            : PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        JsonNode channel;
        try {
            channel = api.myChannel(accessToken, "snippet,statistics");
        } catch (PlatformError e) {
            throw new ProviderRefused("YouTube", e.getMessage());
        }
        if (channel.isMissingNode()) {
            throw new ProviderRefused("YouTube", "the Google account has no YouTube channel");
        }
        String id = channel.get("id").asString();
        JsonNode snippet = channel.path("snippet");
        JsonNode statistics = channel.path("statistics");
        String customUrl = JsonErrorBodies.text(snippet, "customUrl", "");
        String title = JsonErrorBodies.text(snippet, "title", "");
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("followers_count", JsonErrorBodies.count(statistics, "subscriberCount"));
        metadata.put("video_count", JsonErrorBodies.count(statistics, "videoCount"));
        metadata.put("view_count", JsonErrorBodies.count(statistics, "viewCount"));
        metadata.put(
                "hidden_subscriber_count",
                statistics.path("hiddenSubscriberCount").asBoolean(false));
        metadata.put(
                "thumbnail_url", JsonErrorBodies.text(snippet.path("thumbnails").path("default"), "url", ""));
        return new Profile(
                id,
                customUrl.isEmpty() ? (title.isEmpty() ? id : title) : customUrl,
                title.isEmpty() ? null : title,
                customUrl.isEmpty() ? "https://www.youtube.com/channel/" + id : "https://www.youtube.com/" + customUrl,
                metadata);
    }

    /**
     * Uploads the variant's video with a resumable upload ({@link YouTubeUpload}). A timeout while
     * Google takes the bytes is UNKNOWN (the video may exist), so the job looks it up first.
     */
    @Override
    public String publish(Account account, Publication publication) {
        return upload.publish(account, publication);
    }

    /** A video of the channel's uploads with this one's title, added since {@code since}. */
    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String title = YouTubeUpload.title(publication);
        Instant after = since.minusSeconds(60);
        return api.uploads(account, 25).stream()
                .filter(item -> title.equals(JsonErrorBodies.text(item.path("snippet"), "title", ""))
                        && !YouTubeApi.instant(item.path("snippet"), "publishedAt")
                                .isBefore(after))
                .map(YouTubeApi::videoIdOf)
                .filter(id -> !id.isEmpty())
                .findFirst();
    }

    /** Deletes the video; one that is already gone counts as deleted. */
    @Override
    public void delete(Account account, String platformPostId) {
        try {
            api.call(
                    true,
                    () -> http.delete()
                            .uri(uri -> uri.path("/youtube/v3/videos")
                                    .queryParam("id", platformPostId)
                                    .build())
                            .headers(h -> h.setBearerAuth(account.accessToken()))
                            .retrieve()
                            .toBodilessEntity());
        } catch (PlatformError e) {
            if (!Integer.valueOf(404).equals(e.httpStatus())) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Metrics> metrics(Account account) {
        return analytics.metrics(account);
    }

    @Override
    public Optional<Audience> audience(Account account) {
        return analytics.audience(account);
    }

    @Override
    public List<Content> recentContent(Account account, int limit) {
        return analytics.recentContent(account, limit);
    }

    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        return analytics.content(account, platformPostId);
    }

    @Override
    public String act(Account account, Action action) {
        return comments.act(account, action);
    }

    @Override
    public List<PolledEvent> poll(Account account, Instant since) {
        return comments.poll(account, since);
    }
}
