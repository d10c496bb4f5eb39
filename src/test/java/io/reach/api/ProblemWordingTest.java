package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Errors say what happened: the rule that refused, a declined consent, an unknown path; every
 * problem names its {@code instance}, and titles and details share one style (sentence case, no
 * closing full stop).
 */
@ReachTest
class ProblemWordingTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void aRefusalNamesTheRuleThatRefused() {
        Accounts.SignedIn ada = accounts.owner();
        String analyst = accounts.member(ada, "analyst", fixtures);
        String editor = accounts.member(ada, "editor", fixtures);

        var post = api.post("/api/v1/posts", analyst, "{\"variants\": []}");
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().get("detail").asString()).isEqualTo("Your role lacks the permission posts:write");
        assertThat(post.json().get("instance").asString()).isEqualTo("/api/v1/posts");

        var connect = api.post("/api/v1/social/accounts/connect", editor, "{\"platform\": \"x\"}");
        assertThat(connect.status()).isEqualTo(403);
        assertThat(connect.json().get("detail").asString())
                .isEqualTo("Only owners and admins may connect and disconnect social accounts");
    }

    @Test
    void aConsentDeclinedOnThePlatformsScreenExplainsItself() {
        var declined = api.get(
                "/api/v1/social/accounts/callback?error=access_denied"
                        + "&error_description=The+user+denied+your+request&state=s" + UUID.randomUUID(),
                null);

        assertThat(declined.status()).isEqualTo(400);
        assertThat(declined.json().get("title").asString()).isEqualTo("Consent declined");
        assertThat(declined.json().get("detail").asString())
                .contains("declined on the platform's screen")
                .doesNotContain("code", "The user denied");

        var refused = api.get("/api/v1/social/accounts/callback?error=server_error&state=s1", null);
        assertThat(refused.json().get("title").asString()).isEqualTo("Connection failed");
        assertThat(refused.json().get("detail").asString()).contains("server_error");

        var noCode = api.get("/api/v1/social/accounts/callback?state=s1", null);
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.json().at("/errors/0/field").asString()).isEqualTo("code");
    }

    @Test
    void unknownPathsAreAPlainNotFound() {
        Accounts.SignedIn ada = accounts.owner();
        for (String path : new String[] {"/api/v1/nope", "/nope"}) {
            var response = api.get(path, ada.accessToken());
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("title").asString()).isEqualTo("Not found");
            assertThat(response.json().get("detail").asString()).isEqualTo("Nothing is found at this path");
            assertThat(response.json().get("instance").asString()).isEqualTo(path);
        }
        assertThat(api.get("/nope", null).json().get("detail").asString()).doesNotContain("static resource");
    }

    @Test
    void everyProblemNamesItsInstanceInOneStyle() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        JsonNode invalidToken = api.get("/api/v1/posts", "not-a-token").json();
        assertThat(invalidToken.get("instance").asString())
                .as("written by a filter")
                .isEqualTo("/api/v1/posts");

        JsonNode rejected = api.get("/api/v1/posts;x=1", ada.accessToken()).json();
        assertThat(rejected.get("status").asInt()).as("refused by the firewall").isEqualTo(400);
        assertThat(rejected.get("instance").asString()).startsWith("/api/v1/posts");

        JsonNode wrongMethod = api.send("PATCH", "/api/v1/posts", ada.accessToken(), "{}", java.util.List.of())
                .json();
        assertThat(wrongMethod.get("status").asInt()).isEqualTo(405);
        assertThat(wrongMethod.get("title").asString()).isEqualTo("Method not allowed");
        assertThat(wrongMethod.get("detail").asString()).doesNotEndWith(".");
        assertThat(wrongMethod.get("instance").asString()).isEqualTo("/api/v1/posts");

        String container = rawRequest("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(container)
                .as("Tomcat's own refusal")
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json")
                .contains("\"title\":\"Bad request\"")
                .contains("\"instance\":\"/api/v1/%25zz\"");
    }

    private String rawRequest(String request) throws Exception {
        URI base = URI.create(api.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
