package io.reach.social.platform.x;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.OAuth2Platform;
import io.reach.social.platform.PlatformHttp;
import io.reach.social.platform.PlatformMedia;
import io.reach.social.platform.ProviderRefused;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * X (API v2): OAuth 2 authorization code with PKCE ({@code /i/oauth2/authorize},
 * {@code /2/oauth2/token} with the client's Basic credentials), the profile with its public
 * metrics ({@code /2/users/me}), posting ({@code POST /2/tweets}, media uploaded first), deleting,
 * the lookup of recent posts with their counts ({@code /2/users/{id}/tweets}), followers, replies,
 * likes, reposts and direct messages, and mentions polled as events.
 *
 * <p>This class connects the account and publishes, finds and deletes its posts; the media are
 * uploaded by {@link XMedia} (one request for an image, the chunked flow for videos and GIFs),
 * followers, counts, actions and mentions are {@link XEngagement}, and X's refusals are
 * classified by {@link XApi} (rate limits come back as 429 with {@code x-rate-limit-reset}; a 403
 * for duplicate content is terminal).
 */
@Component
class XProvider extends OAuth2Platform {

    static final String SCOPES = "tweet.read tweet.write users.read offline.access media.write follows.read"
            + " like.write dm.read dm.write";

    private final XApi api;
    private final XMedia media;
    private final XEngagement engagement;

    XProvider(
            @Value("${reach.social.x.client-id:}") String clientId,
            @Value("${reach.social.x.client-secret:}") String clientSecret,
            @Value("${reach.social.x.auth-base-url:https://x.com}") String authBaseUrl,
            @Value("${reach.social.x.api-base-url:https://api.x.com}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout,
            Clock clock,
            PlatformMedia media) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.api = new XApi(http, clock);
        this.media = new XMedia(http, api, media);
        this.engagement = new XEngagement(http, api, this::unsupported);
    }

    @Override
    public String platform() {
        return "x";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(
                authBaseUrl + "/i/oauth2/authorize", clientId(), redirectUri, state, codeChallenge, SCOPES);
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_id", clientId());
        String basic = Base64.getEncoder()
                .encodeToString((clientId() + ":" + clientSecret()).getBytes(StandardCharsets.UTF_8));
        try {
            JsonNode body = http.post()
                    .uri("/2/oauth2/token")
                    .header("Authorization", "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            return parsed("X", body);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("X", PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        try {
            JsonNode me = http.get()
                    .uri("/2/users/me?user.fields=public_metrics,verified,profile_image_url")
                    .headers(h -> h.setBearerAuth(accessToken))
                    .retrieve()
                    .body(JsonNode.class);
            JsonNode data = me == null ? null : me.path("data");
            if (data == null || !data.path("id").isString()) {
                throw new ProviderRefused("X", "no profile in its answer");
            }
            String username = data.path("username").asString("");
            Map<String, Object> metadata = new HashMap<>();
            JsonNode metrics = data.path("public_metrics");
            metadata.put("followers_count", metrics.path("followers_count").asLong(0));
            metadata.put("following_count", metrics.path("following_count").asLong(0));
            metadata.put("tweet_count", metrics.path("tweet_count").asLong(0));
            metadata.put("verified", data.path("verified").asBoolean(false));
            return new Profile(
                    data.get("id").asString(),
                    "@" + username,
                    data.path("name").isString() ? data.get("name").asString() : null,
                    "https://x.com/" + username,
                    metadata);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("X", PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Optional<Metrics> metrics(Account account) {
        Map<String, Object> counts = profile(account.accessToken()).metadata();
        return Optional.of(Metrics.counts(
                count(counts, "followers_count"),
                count(counts, "following_count"),
                count(counts, "tweet_count"),
                Map.of("verified", counts.get("verified"))));
    }

    /** A count {@link #profile} always puts in its metadata. */
    private static long count(Map<String, Object> counts, String key) {
        return counts.get(key) instanceof Number number ? number.longValue() : 0;
    }

    /** Uploads the media (if any, {@link XMedia}), then posts the text with {@code media.media_ids}. */
    @Override
    public String publish(Account account, Publication publication) {
        List<String> mediaIds = media.upload(account.accessToken(), publication.media());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", publication.text());
        if (!mediaIds.isEmpty()) {
            body.put("media", Map.of("media_ids", mediaIds));
        }
        return api.createTweet(account, body);
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String text = publication.text();
        JsonNode page = api.call(
                () -> http.get()
                        .uri(uri -> uri.path("/2/users/{id}/tweets")
                                .queryParam("max_results", 20)
                                .queryParam("tweet.fields", "created_at")
                                .build(account.platformUserId()))
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        if (page == null) {
            return Optional.empty();
        }
        return page.path("data")
                .valueStream()
                .filter(post -> text.equals(post.path("text").asString(""))
                        && !Instant.parse(post.path("created_at").asString("1970-01-01T00:00:00Z"))
                                .isBefore(since.minusSeconds(60)))
                .map(post -> post.path("id").asString(""))
                .filter(id -> !id.isEmpty())
                .findFirst();
    }

    @Override
    public void delete(Account account, String platformPostId) {
        JsonNode answer = api.call(
                () -> http.delete()
                        .uri("/2/tweets/{id}", platformPostId)
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class),
                true);
        if (answer != null
                && answer.path("data").path("deleted").isBoolean()
                && !answer.path("data").path("deleted").asBoolean()) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "X did not delete post " + platformPostId);
        }
    }

    @Override
    public Optional<List<Follower>> followers(Account account) {
        return engagement.followers(account);
    }

    @Override
    public List<Content> recentContent(Account account, int limit) {
        return engagement.recentContent(account, limit);
    }

    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        return engagement.content(account, platformPostId);
    }

    @Override
    public String act(Account account, Action action) {
        return engagement.act(account, action);
    }

    @Override
    public List<PolledEvent> poll(Account account, Instant since) {
        return engagement.poll(account, since);
    }
}
