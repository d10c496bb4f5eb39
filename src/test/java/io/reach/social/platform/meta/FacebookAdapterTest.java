package io.reach.social.platform.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Connecting a Facebook Page and publishing to it through Reach's API, against WireMock speaking Graph API v21.0. */
@ReachTest
class FacebookAdapterTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Autowired
    OwnerDatabase owner;

    private Accounts.SignedIn ada;
    private String page;

    @BeforeEach
    void graphApi() {
        var wiremock = TestProviders.SERVER;
        wiremock.resetAll();
        page = Long.toString(100_000_000_000L + (long) (Math.random() * 1_000_000_000L));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/oauth/access_token"))
                .withQueryParam("code", equalTo("fb-code"))
                .withQueryParam("client_id", equalTo("reach-facebook-client"))
                .withQueryParam("client_secret", equalTo("reach-facebook-secret"))
                .willReturn(okJson(
                        "{\"access_token\": \"fb-user-short\", \"token_type\": \"bearer\", \"expires_in\": 5400}")));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo("fb-user-short"))
                .willReturn(okJson(
                        "{\"access_token\": \"fb-user-long\", \"token_type\": \"bearer\", \"expires_in\": 5183944}")));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/me/accounts"))
                .withHeader("Authorization", equalTo("Bearer fb-user-long"))
                .willReturn(okJson("""
                        {"data": [{"id": "%s", "name": "Ada's Bakery", "link": "https://www.facebook.com/adasbakery",
                          "fan_count": 1200, "followers_count": 1350, "access_token": "fb-page-token"}]}""".formatted(page))));
        for (String user : new String[] {"fb-user-long", "fb-user-renewed"}) {
            wiremock.stubFor(get(urlPathEqualTo("/v21.0/" + page))
                    .withQueryParam("fields", equalTo("access_token"))
                    .withHeader("Authorization", equalTo("Bearer " + user))
                    .willReturn(okJson(
                            "{\"access_token\": \"fb-page-token-for-" + user + "\", \"id\": \"" + page + "\"}")));
        }
        ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
    }

    @Test
    void aPageConnectsWithoutItsTokenBeingKept() {
        String authorization = flows.authorizationUrl(ada.accessToken(), "facebook");
        assertThat(authorization).contains("/v21.0/dialog/oauth", "code_challenge=", "code_challenge_method=S256");

        JsonNode account = connect();

        assertThat(account.get("platform").asString()).isEqualTo("facebook");
        assertThat(account.get("platform_user_id").asString()).isEqualTo(page);
        assertThat(account.get("handle").asString()).isEqualTo("Ada's Bakery");
        assertThat(account.get("account_url").asString()).isEqualTo("https://www.facebook.com/adasbakery");
        assertThat(account.get("follower_count").asLong()).isEqualTo(1350);
        assertThat(account.toString()).doesNotContain("fb-page-token", "fb-user-long");
        String stored = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForObject(
                    "select a.metadata::text || encode(t.access_token_enc, 'escape')"
                            + " || encode(t.refresh_token_enc, 'escape') from social.social_accounts a"
                            + " join social.oauth_tokens t on t.social_account_id = a.id",
                    String.class);
        });
        assertThat(stored).doesNotContain("fb-page-token").doesNotContain("fb-user-long");
    }

    @Test
    void anExpiredUserTokenIsRenewedOnceAndThePostGoesOutAsThePage() {
        String id = connect().get("id").asString();
        String text = "Fresh bread at seven " + UUID.randomUUID();
        var wiremock = TestProviders.SERVER;
        wiremock.stubFor(
                get(urlPathEqualTo("/v21.0/oauth/access_token"))
                        .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                        .withQueryParam("fb_exchange_token", equalTo("fb-user-long"))
                        .willReturn(
                                okJson(
                                        "{\"access_token\": \"fb-user-renewed\", \"token_type\": \"bearer\", \"expires_in\": 5183944}")));
        wiremock.stubFor(post(urlPathEqualTo("/v21.0/" + page + "/feed"))
                .inScenario("token")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "Error validating access token: Session has expired on Sunday.",
                         "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "AkZ"}}"""))
                .willSetStateTo("renewed"));
        wiremock.stubFor(post(urlPathEqualTo("/v21.0/" + page + "/feed"))
                .inScenario("token")
                .whenScenarioStateIs("renewed")
                .withHeader("Authorization", equalTo("Bearer fb-page-token-for-fb-user-renewed"))
                .willReturn(okJson("{\"id\": \"" + page + "_4242\"}")));

        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "%s", "media": []}]}""".formatted(id, text))
                .json()
                .get("id")
                .asString();
        api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        JsonNode settled = await(post);

        assertThat(settled.get("status").asString()).isEqualTo("published");
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("provider_job_id").asString()).isEqualTo(page + "_4242");
        wiremock.verify(2, postRequestedFor(urlPathEqualTo("/v21.0/" + page + "/feed")));
        wiremock.verify(getRequestedFor(urlPathEqualTo("/v21.0/" + page))
                .withQueryParam("fields", equalTo("access_token"))
                .withHeader("Authorization", equalTo("Bearer fb-user-renewed")));
    }

    private JsonNode connect() {
        String authorization = flows.authorizationUrl(ada.accessToken(), "facebook");
        return flows.complete(authorization, "fb-code");
    }

    private JsonNode await(String post) {
        return flows.awaitSettled(ada.accessToken(), post);
    }
}
