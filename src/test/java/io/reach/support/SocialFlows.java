package io.reach.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;

import org.springframework.boot.test.context.TestComponent;

import tools.jackson.databind.JsonNode;

/** The social flows tests walk through the API: connecting an account through OAuth, awaiting a scheduled post. */
@TestComponent
public class SocialFlows {

    private final Api api;

    public SocialFlows(Api api) {
        this.api = api;
    }

    /** Starts connecting an account of {@code platform}; returns the platform's authorization URL. */
    public String authorizationUrl(String token, String platform) {
        return api.post("/api/v1/social/accounts/connect", token, "{\"platform\": \"%s\"}".formatted(platform)).json()
                .get("authorization_url").asString();
    }

    /** Returns from the platform to Reach with {@code code} and the state the authorization URL carries; the account. */
    public JsonNode complete(String authorizationUrl, String code) {
        String state = URI.create(authorizationUrl).getQuery().replaceAll(".*state=([^&]+).*", "$1");
        var callback = api.get("/api/v1/social/accounts/callback?code=" + code + "&state=" + state, null);
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        return callback.json();
    }

    /** Connects an account of {@code platform} (the platform's token endpoint answering {@code code}); the account. */
    public JsonNode connect(String token, String platform, String code) {
        return complete(authorizationUrl(token, platform), code);
    }

    /** The post once it is no longer scheduled (published or failed), or as it is after 30 seconds. */
    public JsonNode awaitSettled(String token, String post) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode current = api.get("/api/v1/posts/" + post, token).json();
        while (Instant.now().isBefore(deadline) && current.get("status").asString().equals("scheduled")) {
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
