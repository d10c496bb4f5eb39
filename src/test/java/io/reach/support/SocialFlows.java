package io.reach.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;
import tools.jackson.databind.JsonNode;

/** The social flows tests walk through the API: connecting an account through OAuth, awaiting a scheduled post. */
@TestComponent
public class SocialFlows {

    private final Api api;
    /** The browser's side of each connection started: the binding cookie the start set, by authorization URL. */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    public SocialFlows(Api api) {
        this.api = api;
    }

    /** A connection started in a browser: the platform's authorization URL and the binding cookie Reach set. */
    public record Started(String authorizationUrl, String state, String cookie) {}

    /** Starts connecting an account of {@code platform} as a browser would (keeping the cookie Reach sets). */
    public Started start(String token, String platform) {
        var started = api.post("/api/v1/social/accounts/connect", token, "{\"platform\": \"%s\"}".formatted(platform));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String url = started.json().get("authorization_url").asString();
        String setCookie = started.header("Set-Cookie");
        String cookie = setCookie == null ? null : setCookie.split(";", 2)[0];
        return new Started(url, URI.create(url).getQuery().replaceAll(".*state=([^&]+).*", "$1"), cookie);
    }

    /** Starts connecting an account of {@code platform}; returns the platform's authorization URL. */
    public String authorizationUrl(String token, String platform) {
        Started started = start(token, platform);
        if (started.cookie() != null) {
            cookies.put(started.authorizationUrl(), started.cookie());
        }
        return started.authorizationUrl();
    }

    /** The platform sending a browser back to Reach with {@code code} and {@code state}, the browser holding {@code cookie}. */
    public Api.Response callback(String code, String state, String cookie) {
        return api.send(
                "GET",
                "/api/v1/social/accounts/callback?code=" + code + "&state=" + state,
                null,
                null,
                cookie == null ? List.of() : List.of("Cookie", cookie));
    }

    /** Returns from the platform to Reach with {@code code} and the state the authorization URL carries; the account. */
    public JsonNode complete(String authorizationUrl, String code) {
        String state = URI.create(authorizationUrl).getQuery().replaceAll(".*state=([^&]+).*", "$1");
        var callback = callback(code, state, cookies.remove(authorizationUrl));
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        return callback.json();
    }

    /** Connects an account of {@code platform} (the platform's token endpoint answering {@code code}); the account. */
    public JsonNode connect(String token, String platform, String code) {
        return complete(authorizationUrl(token, platform), code);
    }

    /**
     * A LinkedIn account of {@code who}'s workspace, connected with the platform handing out {@code accessToken},
     * whose posts need no approval: what the publishing tests start from. Returns the account's id.
     */
    public String linkedInPublisher(Accounts.SignedIn who, String accessToken) {
        TestProviders.linkedInConnects(accessToken);
        api.put(
                "/api/v1/admin/tenants/" + who.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
        return connect(who.accessToken(), "linkedin", "c").get("id").asString();
    }

    /** A post of one text variant for {@code account}, scheduled at {@code at}; the post's id. */
    public String schedulePost(String token, String account, String text, Instant at) {
        String post = api.post("/api/v1/posts", token, """
                {"variants": [{"social_account_id": "%s", "text": "%s", "media": []}]}""".formatted(account, text))
                .json()
                .get("id")
                .asString();
        var scheduled =
                api.post("/api/v1/posts/" + post + "/schedule", token, "{\"scheduled_at\": \"%s\"}".formatted(at));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        return post;
    }

    /** The post's first (for a post of one variant, its only) publish job, with its attempts. */
    public JsonNode firstJob(String token, String post) {
        return api.get("/api/v1/posts/" + post + "/jobs", token)
                .json()
                .get("items")
                .get(0);
    }

    /** The post once it is no longer scheduled (published or failed), or as it is after 30 seconds. */
    public JsonNode awaitSettled(String token, String post) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode current = api.get("/api/v1/posts/" + post, token).json();
        while (Instant.now().isBefore(deadline)
                && current.get("status").asString().equals("scheduled")) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = api.get("/api/v1/posts/" + post, token).json();
        }
        return current;
    }
}
