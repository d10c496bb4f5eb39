package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestIdentityProvider;
import io.reach.support.TestMailServer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The authorization-code flow against a real OpenID Connect provider (mock-oauth2-server), hop by hop. */
@ReachTest
class OidcSignInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aNewPersonSignsInAndGetsAUserAndAWorkspace() throws Exception {
        String email = "oidc-" + UUID.randomUUID() + "@example.com";
        TestIdentityProvider.nextSignIn(
                "sub-" + UUID.randomUUID(),
                Map.of(
                        "email",
                        email,
                        "email_verified",
                        true,
                        "name",
                        "Katherine Johnson",
                        "given_name",
                        "Katherine",
                        "family_name",
                        "Johnson"));

        HttpResponse<String> result = signInAtProvider();

        assertThat(result.statusCode()).isEqualTo(200);
        JsonNode session = JsonMapper.builder().build().readTree(result.body());
        JsonNode me =
                api.get("/api/v1/me", session.get("access_token").asString()).json();
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("email_verified").asBoolean()).isTrue();
        assertThat(me.get("tenant_role").asString()).isEqualTo("owner");
    }

    @Test
    void theSameSubjectSignsInAgainAsTheSameUser() throws Exception {
        String subject = "sub-" + UUID.randomUUID();
        String email = "oidc-" + UUID.randomUUID() + "@example.com";
        TestIdentityProvider.nextSignIn(subject, Map.of("email", email, "email_verified", true));
        JsonNode first = JSON.readTree(signInAtProvider().body());
        TestIdentityProvider.nextSignIn(subject, Map.of("email", email, "email_verified", true));

        HttpResponse<String> again = signInAtProvider();

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("user_id")).isEqualTo(first.get("user_id"));
    }

    @Test
    void anExistingAccountIsLinkedOnlyAfterItsOwnerConfirmsByMail() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        String subject = "sub-" + UUID.randomUUID();
        TestIdentityProvider.nextSignIn(subject, Map.of("email", ada.email(), "email_verified", true));

        HttpResponse<String> asked = signInAtProvider();

        assertThat(asked.statusCode()).isEqualTo(403);
        assertThat(asked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(asked.body());
        assertThat(problem.get("title").asString()).isEqualTo("Confirm the new sign-in by mail");
        assertThat(problem.has("access_token")).isFalse();

        String token = TestMailServer.tokenInMail(ada.email(), 2).orElseThrow();
        assertThat(confirm(token).status()).isEqualTo(204);
        assertThat(confirm(token).status()).isEqualTo(400);

        TestIdentityProvider.nextSignIn(subject, Map.of("email", ada.email(), "email_verified", true));
        JsonNode session = JSON.readTree(signInAtProvider().body());
        assertThat(session.get("user_id").asString()).isEqualTo(ada.userId().toString());
        assertThat(session.get("tenant_id").asString()).isEqualTo(ada.tenantId().toString());

        TestIdentityProvider.nextSignIn(
                "sub-" + UUID.randomUUID(), Map.of("email", ada.email(), "email_verified", true));
        assertThat(signInAtProvider().statusCode()).isEqualTo(403);
    }

    @Test
    void aLinkToOneProviderDoesNotOpenAnother() throws Exception {
        String subject = "sub-" + UUID.randomUUID();
        String email = "oidc-" + UUID.randomUUID() + "@example.com";
        TestIdentityProvider.nextSignIn(subject, Map.of("email", email, "email_verified", true));
        assertThat(signInAtProvider().statusCode()).isEqualTo(200);

        TestIdentityProvider.nextSignIn(
                TestIdentityProvider.OTHER_ISSUER_ID, subject, Map.of("email", email, "email_verified", true));
        HttpResponse<String> other = signInAt("/oauth2/authorization/other", "other");

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).get("title").asString()).isEqualTo("Confirm the new sign-in by mail");
        assertThat(TestMailServer.tokenInMail(email, 1)).isPresent();
    }

    @Test
    void aSignedInUserLinksAProviderIdentityWithoutAMail() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        var started = api.post("/api/v1/auth/identity-links", ada.accessToken(), "{\"provider\": \"oidc\"}");
        assertThat(started.status()).isEqualTo(201);
        String subject = "sub-" + UUID.randomUUID();
        String elsewhere = "ada-elsewhere-" + UUID.randomUUID() + "@example.com";
        TestIdentityProvider.nextSignIn(subject, Map.of("email", elsewhere, "email_verified", true));

        HttpResponse<String> linked =
                signInAt(started.json().get("authorization_url").asString(), "oidc");

        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(linked.body()).get("user_id").asString())
                .isEqualTo(ada.userId().toString());
        TestIdentityProvider.nextSignIn(subject, Map.of("email", elsewhere, "email_verified", true));
        assertThat(JSON.readTree(signInAtProvider().body()).get("user_id").asString())
                .isEqualTo(ada.userId().toString());
    }

    @Test
    void aLinkStartedForOneProviderDoesNotLinkAnother() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        String url = api.post("/api/v1/auth/identity-links", ada.accessToken(), "{\"provider\": \"oidc\"}")
                .json()
                .get("authorization_url")
                .asString();
        TestIdentityProvider.nextSignIn(
                TestIdentityProvider.OTHER_ISSUER_ID,
                "sub-" + UUID.randomUUID(),
                Map.of("email", ada.email(), "email_verified", true));

        HttpResponse<String> result =
                signInAt(url.replace("/oauth2/authorization/oidc", "/oauth2/authorization/other"), "other");

        assertThat(result.statusCode()).isEqualTo(403);
        assertThat(result.body()).doesNotContain("access_token");
    }

    @Test
    void anUnverifiedAddressIsRefused() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        TestIdentityProvider.nextSignIn(
                "sub-" + UUID.randomUUID(), Map.of("email", ada.email(), "email_verified", false));

        HttpResponse<String> result = signInAtProvider();

        assertThat(result.statusCode()).isEqualTo(403);
        assertThat(result.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private Api.Response confirm(String token) {
        return api.post("/api/v1/auth/identity-links/confirm", null, "{\"token\": \"%s\"}".formatted(token));
    }

    private HttpResponse<String> signInAtProvider() throws IOException, InterruptedException {
        return signInAt("/oauth2/authorization/oidc", "oidc");
    }

    /** Follows the redirects a browser would: Reach → provider → Reach, keeping Reach's session cookie. */
    private HttpResponse<String> signInAt(String startPath, String registration)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> start = browser.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + startPath)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> provider = browser.send(
                HttpRequest.newBuilder(URI.create(
                                start.headers().firstValue("Location").orElseThrow()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(provider.statusCode()).isEqualTo(302);
        URI callback = URI.create(provider.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/" + registration);
        return browser.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
    }
}
