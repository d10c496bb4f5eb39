package io.reach.social.platform.linkedin;

import io.reach.social.Publication;
import io.reach.social.platform.OAuth2Platform;
import io.reach.social.platform.PlatformHttp;
import io.reach.social.platform.PlatformMedia;
import io.reach.social.platform.ProviderRefused;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * LinkedIn: OAuth 2 authorization code with PKCE ({@code /oauth/v2/authorization},
 * {@code /oauth/v2/accessToken}), the OpenID userinfo profile ({@code /v2/userinfo}) and the
 * versioned REST API ({@code LinkedIn-Version}, Rest.li 2.0; URNs in paths and queries are
 * URL-encoded): posting with media ({@code POST /rest/posts}, id in {@code x-restli-id}), the
 * lookup of the member's posts ({@code GET /rest/posts?q=author}), deleting, comments and likes,
 * reposts, the posts' like and comment counts, and new comments polled as events (LinkedIn offers
 * ordinary apps no webhooks).
 *
 * <p>This class connects the member and publishes, finds and deletes their posts; images and
 * videos are uploaded by {@link LinkedInMedia} (a post has images or one video), counts, comments,
 * likes, reshares and polling are {@link LinkedInSocialActions}, and LinkedIn's refusals are
 * classified by {@link LinkedInApi} (a duplicate is terminal; a 429 without Retry-After waits for
 * the daily quota).
 */
@Component
class LinkedInProvider extends OAuth2Platform {

    private final String scopes;
    private final LinkedInApi api;
    private final LinkedInMedia media;
    private final LinkedInSocialActions socialActions;

    LinkedInProvider(
            @Value("${reach.social.linkedin.client-id:}") String clientId,
            @Value("${reach.social.linkedin.client-secret:}") String clientSecret,
            @Value("${reach.social.linkedin.auth-base-url:https://www.linkedin.com}") String authBaseUrl,
            @Value("${reach.social.linkedin.api-base-url:https://api.linkedin.com}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout,
            Clock clock,
            PlatformMedia media,
            @Value("${reach.social.linkedin.scopes:openid profile email w_member_social}") String scopes) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.scopes = scopes;
        this.api = new LinkedInApi(http, clock);
        this.media = new LinkedInMedia(http, api, media);
        this.socialActions = new LinkedInSocialActions(http, api, this::unsupported);
    }

    @Override
    public String platform() {
        return "linkedin";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(
                authBaseUrl + "/oauth/v2/authorization", clientId(), redirectUri, state, codeChallenge, scopes);
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_id", clientId());
        form.add("client_secret", clientSecret());
        try {
            JsonNode body = http.post()
                    .uri(URI.create(authBaseUrl + "/oauth/v2/accessToken"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            return parsed("LinkedIn", body);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("LinkedIn", PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        try {
            JsonNode me = http.get()
                    .uri("/v2/userinfo")
                    .headers(h -> h.setBearerAuth(accessToken))
                    .retrieve()
                    .body(JsonNode.class);
            if (me == null || !me.path("sub").isString()) {
                throw new ProviderRefused("LinkedIn", "no profile in its answer");
            }
            String sub = me.get("sub").asString();
            String handle = me.path("email").isString() ? me.get("email").asString() : sub;
            return new Profile(
                    sub,
                    handle,
                    me.path("name").isString() ? me.get("name").asString() : null,
                    null,
                    Map.of("picture", me.path("picture").asString("")));
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("LinkedIn", PlatformHttp.excerpt(e));
        }
    }

    /**
     * Uploads the media (if any, {@link LinkedInMedia}), then creates the post with
     * {@code content.media} or {@code content.multiImage}.
     */
    @Override
    public String publish(Account account, Publication publication) {
        Map<String, Object> body = LinkedInApi.newPost(account, publication.text());
        List<String> urns = media.upload(account, publication.media());
        if (urns.size() == 1) {
            Map<String, Object> medium = new LinkedHashMap<>();
            medium.put("id", urns.get(0));
            String title = publication.metadataText("title", "");
            if (publication.hasVideo() && !title.isEmpty()) {
                medium.put("title", title);
            }
            body.put("content", Map.of("media", medium));
        } else if (urns.size() > 1) {
            body.put(
                    "content",
                    Map.of(
                            "multiImage",
                            Map.of(
                                    "images",
                                    urns.stream().map(urn -> Map.of("id", urn)).toList())));
        }
        return api.createPost(account, body);
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String text = publication.text();
        return api.posts(account, 20).stream()
                .filter(post -> text.equals(post.path("commentary").asString(""))
                        && post.path("createdAt").asLong(0) >= since.toEpochMilli() - 60_000)
                .map(post -> post.path("id").asString(""))
                .filter(id -> !id.isEmpty())
                .findFirst();
    }

    @Override
    public void delete(Account account, String platformPostId) {
        api.call(
                () -> http.delete()
                        .uri("/rest/posts/{urn}", platformPostId)
                        .headers(h -> {
                            LinkedInApi.restli(h, account.accessToken());
                            h.set("X-RestLi-Method", "DELETE");
                        })
                        .retrieve()
                        .toBodilessEntity(),
                true);
    }

    @Override
    public List<Content> recentContent(Account account, int limit) {
        return socialActions.recentContent(account, limit);
    }

    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        return socialActions.content(account, platformPostId);
    }

    @Override
    public String act(Account account, Action action) {
        return socialActions.act(account, action);
    }

    @Override
    public List<PolledEvent> poll(Account account, Instant since) {
        return socialActions.poll(account, since);
    }
}
