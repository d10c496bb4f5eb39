package io.reach.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestMailServer;
import io.reach.support.TestProviders;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A token the platform refuses and will not renew: the post fails at once, the account waits for a reconnect. */
@ReachTest
class TokenRenewalTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Test
    void aRefusedRenewalFailsThePostAndPutsTheAccountOnHold() {
        var wiremock = TestProviders.SERVER;
        wiremock.resetAll();
        wiremock.stubFor(post(urlPathEqualTo("/2/oauth2/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"token_type": "bearer", "expires_in": 7200, "access_token": "x-old", "refresh_token": "x-refresh"}""")));
        wiremock.stubFor(post(urlPathEqualTo("/2/oauth2/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": "invalid_request", "error_description": "Value passed for the token was invalid."}""")));
        String user = "renewal-" + UUID.randomUUID().toString().substring(0, 8);
        wiremock.stubFor(get(urlPathEqualTo("/2/users/me")).willReturn(okJson("""
                {"data": {"id": "%1$s", "name": "Ada", "username": "%1$s", "public_metrics": {"followers_count": 1}}}""".formatted(user))));
        wiremock.stubFor(post(urlPathEqualTo("/2/tweets"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"title\": \"Unauthorized\", \"status\": 401}")));
        Accounts.SignedIn ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
        String account = flows.connect(ada.accessToken(), "x", "c").get("id").asString();

        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "Refused", "media": []}]}""".formatted(account))
                .json()
                .get("id")
                .asString();
        api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        JsonNode settled = flows.awaitSettled(ada.accessToken(), post);

        assertThat(settled.get("status").asString()).isEqualTo("failed");
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.get("last_error").asString())
                .contains("needs to be reconnected")
                .contains("token was invalid");
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/2/tweets"))))
                .hasSize(1);
        assertThat(api.get("/api/v1/social/accounts/" + account, ada.accessToken())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("needs_review");
        assertThat(TestMailServer.mailsTo(ada.email(), 2))
                .anyMatch(mail -> mail.contains("could not renew its access"));
    }
}
