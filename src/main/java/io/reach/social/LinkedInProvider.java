package io.reach.social;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;

/**
 * LinkedIn: OAuth 2 authorization code with PKCE ({@code /oauth/v2/authorization},
 * {@code /oauth/v2/accessToken}) and the OpenID userinfo profile ({@code /v2/userinfo}).
 */
@Component
class LinkedInProvider extends OAuth2Platform {


    LinkedInProvider(@Value("${reach.social.linkedin.client-id:}") String clientId,
            @Value("${reach.social.linkedin.client-secret:}") String clientSecret,
            @Value("${reach.social.linkedin.auth-base-url:https://www.linkedin.com}") String authBaseUrl,
            @Value("${reach.social.linkedin.api-base-url:https://api.linkedin.com}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") java.time.Duration readTimeout, Clock clock) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
    }

    @Override
    public String platform() {
        return "linkedin";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(authBaseUrl + "/oauth/v2/authorization", clientId, redirectUri, state, codeChallenge,
                "openid profile email w_member_social");
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        try {
            JsonNode body = http.post().uri(URI.create(authBaseUrl + "/oauth/v2/accessToken"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
            return parsed("LinkedIn", body);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("LinkedIn", errorOf(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        try {
            JsonNode me = http.get().uri("/v2/userinfo").headers(h -> h.setBearerAuth(accessToken)).retrieve()
                    .body(JsonNode.class);
            if (me == null || !me.path("sub").isString()) {
                throw new ProviderRefused("LinkedIn", "no profile in its answer");
            }
            String sub = me.get("sub").asString();
            String handle = me.path("email").isString() ? me.get("email").asString() : sub;
            return new Profile(sub, handle, me.path("name").isString() ? me.get("name").asString() : null, null,
                    Map.of("picture", me.path("picture").asString("")));
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("LinkedIn", errorOf(e));
        }
    }

    @Override
    public String publish(Account account, Publication publication) {
        String accessToken = account.accessToken();
        Map<String, Object> body = Map.of("author", "urn:li:person:" + account.platformUserId(), "commentary",
                publication.text(),
                "visibility", "PUBLIC", "lifecycleState", "PUBLISHED",
                "distribution", Map.of("feedDistribution", "MAIN_FEED"));
        try {
            var response = http.post().uri("/rest/posts").headers(h -> restli(h, accessToken))
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            String id = response.getHeaders().getFirst("x-restli-id");
            if (id == null) {
                throw new PlatformError(PlatformError.Kind.UNKNOWN, response.getStatusCode().value(), null,
                        "LinkedIn accepted the post but named no id");
            }
            return id;
        } catch (RestClientResponseException e) {
            throw PlatformHttp.classify("LinkedIn", e, clock);
        } catch (org.springframework.web.client.ResourceAccessException e) {
            throw PlatformHttp.unanswered("LinkedIn", e, true);
        }
    }

    @Override
    public java.util.Optional<String> findPublished(Account account, Publication publication, java.time.Instant since) {
        String accessToken = account.accessToken();
        String platformUserId = account.platformUserId();
        String text = publication.text();
        try {
            JsonNode page = http.get().uri(uri -> uri.path("/rest/posts").queryParam("q", "author")
                    .queryParam("author", "urn:li:person:" + platformUserId).queryParam("count", 20).build())
                    .headers(h -> restli(h, accessToken)).retrieve().body(JsonNode.class);
            if (page == null) {
                return java.util.Optional.empty();
            }
            return page.path("elements").valueStream()
                    .filter(post -> text.equals(post.path("commentary").asString(""))
                            && post.path("createdAt").asLong(0) >= since.toEpochMilli() - 60_000)
                    .map(post -> post.path("id").asString(""))
                    .filter(id -> !id.isEmpty()).findFirst();
        } catch (RestClientResponseException e) {
            throw PlatformHttp.classify("LinkedIn", e, clock);
        } catch (org.springframework.web.client.ResourceAccessException e) {
            throw PlatformHttp.unanswered("LinkedIn", e, false);
        }
    }

    private static void restli(org.springframework.http.HttpHeaders headers, String accessToken) {
        headers.setBearerAuth(accessToken);
        headers.set("LinkedIn-Version", "202510");
        headers.set("X-Restli-Protocol-Version", "2.0.0");
    }

    private static String errorOf(RestClientResponseException e) {
        return PlatformHttp.excerpt(e);
    }
}
