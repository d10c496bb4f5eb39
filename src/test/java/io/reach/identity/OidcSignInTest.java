package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestIdentityProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The authorization-code flow against a real OpenID Connect provider (mock-oauth2-server), hop by hop. */
@ReachTest
class OidcSignInTest {

    @Autowired
    Api api;
    @Autowired
    Accounts accounts;

    @Test
    void aNewPersonSignsInAndGetsAUserAndAWorkspace() throws Exception {
        String email = "oidc-" + UUID.randomUUID() + "@example.com";
        TestIdentityProvider.nextSignIn("sub-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true,
                "name", "Katherine Johnson", "given_name", "Katherine", "family_name", "Johnson"));

        HttpResponse<String> result = signInAtProvider();

        assertThat(result.statusCode()).isEqualTo(200);
        JsonNode session = JsonMapper.builder().build().readTree(result.body());
        JsonNode me = api.get("/api/v1/me", session.get("access_token").asString()).json();
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("email_verified").asBoolean()).isTrue();
        assertThat(me.get("tenant_role").asString()).isEqualTo("owner");
    }

    @Test
    void aVerifiedAddressLinksToTheExistingUser() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        TestIdentityProvider.nextSignIn("sub-" + UUID.randomUUID(), Map.of("email", ada.email(), "email_verified", true));

        JsonNode session = JsonMapper.builder().build().readTree(signInAtProvider().body());

        assertThat(session.get("user_id").asString()).isEqualTo(ada.userId().toString());
        assertThat(session.get("tenant_id").asString()).isEqualTo(ada.tenantId().toString());
    }

    @Test
    void anUnverifiedAddressIsRefused() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        TestIdentityProvider.nextSignIn("sub-" + UUID.randomUUID(), Map.of("email", ada.email(), "email_verified", false));

        HttpResponse<String> result = signInAtProvider();

        assertThat(result.statusCode()).isEqualTo(403);
        assertThat(result.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** Follows the redirects a browser would: Reach → provider → Reach, keeping Reach's session cookie. */
    private HttpResponse<String> signInAtProvider() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/oauth2/authorization/oidc")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> provider = browser.send(HttpRequest.newBuilder(
                URI.create(start.headers().firstValue("Location").orElseThrow())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(provider.statusCode()).isEqualTo(302);
        URI callback = URI.create(provider.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/oidc");
        return browser.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
    }
}
