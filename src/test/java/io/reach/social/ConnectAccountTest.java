package io.reach.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Connecting a LinkedIn account through the OAuth flow, against WireMock speaking LinkedIn's API shapes. */
@ReachTest
class ConnectAccountTest {

    private static final String RAW_ACCESS = "AQX-raw-access-token-1234567890";
    private static final String RAW_REFRESH = "AQY-raw-refresh-token-0987654321";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Autowired
    io.reach.support.Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    TokenRefresher refresher;

    @BeforeEach
    void linkedIn() {
        TestProviders.SERVER.resetAll();
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken"))
                .willReturn(okJson("""
                {"access_token": "%s", "expires_in": 5184000, "refresh_token": "%s",
                 "refresh_token_expires_in": 31536000, "scope": "openid,profile,email,w_member_social"}""".formatted(RAW_ACCESS, RAW_REFRESH))));
        TestProviders.SERVER.stubFor(get(urlPathEqualTo("/v2/userinfo"))
                .withHeader("Authorization", equalTo("Bearer " + RAW_ACCESS))
                .willReturn(okJson("""
                {"sub": "782bbtaQ", "name": "Ada Lovelace", "given_name": "Ada", "family_name": "Lovelace",
                 "picture": "https://media.licdn.com/ada.jpg", "email": "ada@example.com", "email_verified": true}""")));
    }

    @Test
    void anAccountConnectsThroughTheOAuthFlowWithItsTokensEncrypted() {
        Accounts.SignedIn ada = accounts.owner();
        SocialFlows.Started started = flows.start(ada.accessToken(), "linkedin");
        Map<String, String> query = query(URI.create(started.authorizationUrl()));
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge");

        var callback = flows.callback("auth-code-1", query.get("state"), started.cookie());

        assertThat(callback.status()).isEqualTo(200);
        JsonNode account = callback.json();
        assertThat(account.get("platform").asString()).isEqualTo("linkedin");
        assertThat(account.get("handle").asString()).isEqualTo("ada@example.com");
        assertThat(account.get("status").asString()).isEqualTo("active");
        assertThat(callback.body()).doesNotContain(RAW_ACCESS, RAW_REFRESH);
        String verifier = formField("code_verifier");
        assertThat(ConnectionStates.challenge(verifier)).isEqualTo(query.get("code_challenge"));
        TestProviders.SERVER.verify(postRequestedFor(urlPathEqualTo("/oauth/v2/accessToken"))
                .withRequestBody(containing("code=auth-code-1"))
                .withRequestBody(containing("client_secret=reach-linkedin-secret")));

        String stored = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForObject(
                    "select encode(access_token_enc, 'escape') || encode(refresh_token_enc, 'escape')"
                            + " from social.oauth_tokens",
                    String.class);
        });
        assertThat(stored).doesNotContain(RAW_ACCESS).doesNotContain(RAW_REFRESH);
        assertThat(api.get("/api/v1/social/accounts", ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anotherWorkspaceCannotSeeOrDisconnectTheAccount() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        String id = connect(ada).get("id").asString();

        assertThat(api.get("/api/v1/social/accounts/" + id, bob.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/social/accounts/" + id, bob.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/social/accounts", bob.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        String editor = accounts.member(ada, "editor", fixtures);
        assertThat(api.get("/api/v1/social/accounts/" + id, editor).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/social/accounts/" + id, editor).status())
                .as("owners and admins disconnect")
                .isEqualTo(403);
        assertThat(api.post("/api/v1/social/accounts/connect", editor, "{\"platform\": \"linkedin\"}")
                        .status())
                .as("owners and admins connect")
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/social/accounts/" + id, ada.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/social/accounts/" + id, ada.accessToken())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("disconnected");
    }

    @Test
    void aForgedStateOrARefusingPlatformAreClearErrors() {
        Accounts.SignedIn ada = accounts.owner();

        assertThat(api.get("/api/v1/social/accounts/callback?code=x&state=forged", null)
                        .status())
                .isEqualTo(400);

        TestProviders.SERVER.stubFor(
                post(urlPathEqualTo("/oauth/v2/accessToken"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": \"invalid_request\", \"error_description\": \"Unable to retrieve access token\"}")));
        SocialFlows.Started started = flows.start(ada.accessToken(), "linkedin");
        var refused = flows.callback("bad", started.state(), started.cookie());

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("detail").asString()).contains("Unable to retrieve access token");
        assertThat(api.post("/api/v1/social/accounts/connect", ada.accessToken(), "{\"platform\": \"myspace\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void thePlatformReturnsTheBrowserToThePortThisServerListensOn() {
        Accounts.SignedIn ada = accounts.owner();
        SocialFlows.Started started = flows.start(ada.accessToken(), "linkedin");
        String callback = api.publicUrl() + "/api/v1/social/accounts/callback";

        assertThat(query(URI.create(started.authorizationUrl())))
                .as("no public URL configured: the real port, not 8080")
                .containsEntry("redirect_uri", callback);
        assertThat(flows.callback("auth-code-1", started.state(), started.cookie())
                        .status())
                .isEqualTo(200);
        assertThat(formField("redirect_uri"))
                .as("the code is exchanged with the same redirect URI")
                .isEqualTo(callback);
    }

    @Test
    void theStartSetsABindingCookieOnlyTheCallbackReceives() {
        Accounts.SignedIn ada = accounts.owner();

        String setCookie = api.post(
                        "/api/v1/social/accounts/connect", ada.accessToken(), "{\"platform\": \"linkedin\"}")
                .header("Set-Cookie");

        assertThat(setCookie)
                .startsWith("reach_connect_")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Path=/api/v1/social/accounts/callback")
                .contains("Max-Age=600");
    }

    @Test
    void aConnectionStateCanBeUsedOnlyOnce() {
        Accounts.SignedIn ada = accounts.owner();
        SocialFlows.Started started = flows.start(ada.accessToken(), "linkedin");
        assertThat(flows.callback("auth-code-1", started.state(), started.cookie())
                        .status())
                .isEqualTo(200);

        var again = flows.callback("auth-code-2", started.state(), started.cookie());

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.contentType()).startsWith("application/problem+json");
        TestProviders.SERVER.verify(1, codeExchanges());
    }

    @Test
    void aConnectionStartedByOneUserCannotBeFinishedInAnotherUsersBrowser() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn eve = accounts.owner();
        SocialFlows.Started adas = flows.start(ada.accessToken(), "linkedin");
        SocialFlows.Started eves = flows.start(eve.accessToken(), "linkedin");

        var withoutCookie = flows.callback("victims-code", adas.state(), null);
        var withEvesCookie = flows.callback("victims-code", adas.state(), eves.cookie());
        var withEvesCookieUnderAdasName = flows.callback(
                "victims-code",
                adas.state(),
                adas.cookie().split("=", 2)[0] + "=" + eves.cookie().split("=", 2)[1]);

        assertThat(List.of(withoutCookie.status(), withEvesCookie.status(), withEvesCookieUnderAdasName.status()))
                .containsOnly(400);
        TestProviders.SERVER.verify(0, codeExchanges());
        assertThat(api.get("/api/v1/social/accounts", ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/social/accounts", eve.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        var adasOwn = flows.callback("adas-code", adas.state(), adas.cookie());
        assertThat(adasOwn.status())
                .as("refused callbacks do not spend the state")
                .isEqualTo(200);
        assertThat(adasOwn.header("Set-Cookie"))
                .as("the binding cookie is cleared")
                .contains("Max-Age=0");
        assertThat(api.get("/api/v1/social/accounts", ada.accessToken())
                        .json()
                        .get("items")
                        .get(0)
                        .get("handle")
                        .asString())
                .isEqualTo("ada@example.com");
    }

    @Test
    void tokensAboutToExpireAreRefreshedAhead() {
        Accounts.SignedIn ada = accounts.owner();
        String id = connect(ada).get("id").asString();
        expireSoon(ada);
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + RAW_REFRESH))
                .willReturn(okJson("{\"access_token\": \"AQX-renewed\", \"expires_in\": 5184000}")));

        int refreshed = refresher.refreshDue();

        assertThat(refreshed).isGreaterThanOrEqualTo(1);
        JsonNode account =
                api.get("/api/v1/social/accounts/" + id, ada.accessToken()).json();
        assertThat(account.get("status").asString()).isEqualTo("active");
        assertThat(java.time.Instant.parse(account.get("token_expires_at").asString()))
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
    }

    @Test
    void aRefusedRefreshPutsTheAccountUnderReviewAndTellsTheOwner() {
        Accounts.SignedIn ada = accounts.owner();
        String id = connect(ada).get("id").asString();
        expireSoon(ada);
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"The token is revoked\"}")));

        refresher.refreshDue();

        assertThat(api.get("/api/v1/social/accounts/" + id, ada.accessToken())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("needs_review");
        assertThat(io.reach.support.TestMailServer.mailsTo(ada.email(), 2))
                .anySatisfy(mail -> assertThat(mail).contains("The token is revoked"));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder codeExchanges() {
        return postRequestedFor(urlPathEqualTo("/oauth/v2/accessToken"))
                .withRequestBody(containing("grant_type=authorization_code"));
    }

    private void expireSoon(Accounts.SignedIn who) {
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + who.tenantId() + "'");
            jdbc.update("update social.oauth_tokens set expires_at = now() + interval '1 hour'");
        });
    }

    private JsonNode connect(Accounts.SignedIn who) {
        return flows.connect(who.accessToken(), "linkedin", "c");
    }

    private static String formField(String name) {
        String body = TestProviders.SERVER.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/oauth/v2/accessToken"))
                .findFirst()
                .orElseThrow()
                .getRequest()
                .getBodyAsString();
        return Objects.requireNonNull(query("?" + body).get(name), "the token request carries " + name);
    }

    private static Map<String, String> query(URI uri) {
        return query("?" + uri.getRawQuery());
    }

    private static Map<String, String> query(String query) {
        return Arrays.stream(query.substring(1).split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
