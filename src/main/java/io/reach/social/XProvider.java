package io.reach.social;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;

/**
 * X (API v2): OAuth 2 authorization code with PKCE ({@code /i/oauth2/authorize},
 * {@code /2/oauth2/token} with the client's Basic credentials), the profile with its public
 * metrics ({@code /2/users/me}), posting ({@code POST /2/tweets}) and the lookup of recent posts
 * ({@code /2/users/{id}/tweets}). Rate limits come back as 429 with {@code x-rate-limit-reset}.
 */
@Component
class XProvider extends OAuth2Platform {


    XProvider(@Value("${reach.social.x.client-id:}") String clientId,
            @Value("${reach.social.x.client-secret:}") String clientSecret,
            @Value("${reach.social.x.auth-base-url:https://x.com}") String authBaseUrl,
            @Value("${reach.social.x.api-base-url:https://api.x.com}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout, Clock clock) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
    }

    @Override
    public String platform() {
        return "x";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(authBaseUrl + "/i/oauth2/authorize", clientId, redirectUri, state, codeChallenge,
                "tweet.read tweet.write users.read offline.access");
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_id", clientId);
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        try {
            JsonNode body = http.post().uri("/2/oauth2/token").header("Authorization", "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
            return parsed("X", body);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("X", PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        try {
            JsonNode me = http.get().uri("/2/users/me?user.fields=public_metrics,verified,profile_image_url")
                    .headers(h -> h.setBearerAuth(accessToken)).retrieve().body(JsonNode.class);
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
            return new Profile(data.get("id").asString(), "@" + username,
                    data.path("name").isString() ? data.get("name").asString() : null, "https://x.com/" + username, metadata);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("X", PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Optional<Metrics> metrics(Account account) {
        Map<String, Object> counts = profile(account.accessToken()).metadata();
        return Optional.of(Metrics.counts(((Number) counts.get("followers_count")).longValue(),
                ((Number) counts.get("following_count")).longValue(), ((Number) counts.get("tweet_count")).longValue(),
                Map.of("verified", counts.get("verified"))));
    }

    @Override
    public String publish(Account account, Publication publication) {
        try {
            JsonNode created = http.post().uri("/2/tweets").headers(h -> h.setBearerAuth(account.accessToken()))
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", publication.text())).retrieve().body(JsonNode.class);
            String id = created == null ? "" : created.path("data").path("id").asString("");
            if (id.isEmpty()) {
                throw new PlatformError(PlatformError.Kind.UNKNOWN, null, null, "X accepted the post but named no id");
            }
            return id;
        } catch (RestClientResponseException e) {
            throw PlatformHttp.classify("X", e, clock);
        } catch (ResourceAccessException e) {
            throw PlatformHttp.unanswered("X", e, true);
        }
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String text = publication.text();
        try {
            JsonNode page = http.get().uri(uri -> uri.path("/2/users/{id}/tweets").queryParam("max_results", 20)
                    .queryParam("tweet.fields", "created_at").build(account.platformUserId()))
                    .headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class);
            if (page == null) {
                return Optional.empty();
            }
            return page.path("data").valueStream()
                    .filter(post -> text.equals(post.path("text").asString(""))
                            && !Instant.parse(post.path("created_at").asString("1970-01-01T00:00:00Z"))
                                    .isBefore(since.minusSeconds(60)))
                    .map(post -> post.path("id").asString("")).filter(id -> !id.isEmpty()).findFirst();
        } catch (RestClientResponseException e) {
            throw PlatformHttp.classify("X", e, clock);
        } catch (ResourceAccessException e) {
            throw PlatformHttp.unanswered("X", e, false);
        }
    }
}
