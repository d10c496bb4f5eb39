package io.reach.social.platform.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The X adapter against WireMock speaking X API v2: connect with Basic client credentials, profile metrics, rate limits. */
@ReachTest
class XAdapterTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    private Accounts.SignedIn ada;

    @BeforeEach
    void xApi() {
        var wiremock = TestProviders.SERVER;
        wiremock.resetAll();
        String basic =
                Base64.getEncoder().encodeToString("reach-x-client:reach-x-secret".getBytes(StandardCharsets.UTF_8));
        wiremock.stubFor(post(urlPathEqualTo("/2/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .willReturn(okJson("""
                        {"token_type": "bearer", "expires_in": 7200, "access_token": "x-access", "scope": "tweet.write",
                         "refresh_token": "x-refresh"}""")));
        wiremock.stubFor(get(urlPathEqualTo("/2/users/me"))
                .willReturn(okJson("""
                {"data": {"id": "2244994945", "name": "Ada", "username": "ada_x-%s", "verified": true,
                 "public_metrics": {"followers_count": 1234, "following_count": 56, "tweet_count": 789, "listed_count": 1}}}""".formatted(UUID.randomUUID().toString().substring(0, 6)))));
        ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
    }

    @Test
    void anXAccountConnectsWithItsPublicMetrics() {
        JsonNode account = connect();

        assertThat(account.get("platform").asString()).isEqualTo("x");
        assertThat(account.get("handle").asString()).startsWith("@ada_x");
        assertThat(account.get("follower_count").asLong()).isEqualTo(1234);
        assertThat(account.get("following_count").asLong()).isEqualTo(56);
        assertThat(account.get("is_verified").asBoolean()).isTrue();
    }

    @Test
    void aRateLimitWaitsUntilXSaysItResets() {
        String id = connect().get("id").asString();
        String text = "Rate limited on X " + UUID.randomUUID();
        long reset = Instant.now().getEpochSecond() + 3;
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/2/tweets"))
                .inScenario("x")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("x-rate-limit-remaining", "0")
                        .withHeader("x-rate-limit-reset", Long.toString(reset))
                        .withBody("{\"title\": \"Too Many Requests\"}"))
                .willSetStateTo("open"));
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/2/tweets"))
                .inScenario("x")
                .whenScenarioStateIs("open")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": {\"id\": \"1445880548472328192\", \"text\": \"%s\"}}".formatted(text))));

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
        assertThat(job.get("provider_job_id").asString()).isEqualTo("1445880548472328192");
        Instant second =
                Instant.parse(job.get("attempts").get(1).get("attempted_at").asString());
        assertThat(second).isAfterOrEqualTo(Instant.ofEpochSecond(reset).minus(Duration.ofMillis(500)));
        assertThat(TestProviders.SERVER.findAll(
                        postRequestedFor(urlPathEqualTo("/2/tweets")).withRequestBody(containing(text))))
                .hasSize(2);
    }

    @Test
    void aScheduledPostWithAnImagePublishesOnceWithTheImageAttached() {
        String id = connect().get("id").asString();
        String text = "With an image on X " + UUID.randomUUID();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        var wiremock = TestProviders.SERVER;
        wiremock.stubFor(get(urlPathEqualTo("/media/launch.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        wiremock.stubFor(post(urlPathEqualTo("/2/media/upload")).willReturn(okJson("""
                {"data": {"id": "1146654567674912769", "media_key": "3_1146654567674912769", "size": 8}}""")));
        wiremock.stubFor(post(urlPathEqualTo("/2/tweets"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": {\"id\": \"1445880548472328300\", \"text\": \"%s\"}}".formatted(text))));

        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "%s",
                  "media": [{"type": "image", "format": "png", "url": "%s/media/launch.png"}]}]}""".formatted(id, text, wiremock.baseUrl()))
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
        assertThat(job.get("provider_job_id").asString()).isEqualTo("1445880548472328300");
        assertThat(wiremock.findAll(getRequestedFor(urlPathEqualTo("/media/launch.png"))))
                .hasSize(1);
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/2/media/upload"))
                        .withHeader("Authorization", equalTo("Bearer x-access"))))
                .hasSize(1);
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/2/tweets"))
                        .withRequestBody(containing(text))
                        .withRequestBody(equalToJson("""
                        {"text": "%s", "media": {"media_ids": ["1146654567674912769"]}}""".formatted(text)))))
                .hasSize(1);
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/2/tweets"))))
                .hasSize(1);
    }

    @Test
    void metricsSnapshotsAreTakenForAccountsWhosePlatformReportsThem() {
        String id = connect().get("id").asString();
        Accounts.SignedIn eve = accounts.owner();

        assertThat(api.post("/api/v1/social/accounts/" + id + "/sync", ada.accessToken(), "")
                        .json()
                        .get("synced")
                        .asBoolean())
                .isTrue();

        JsonNode snapshots = api.get("/api/v1/social/accounts/" + id + "/metrics", ada.accessToken())
                .json()
                .get("items");
        assertThat(snapshots.size()).isGreaterThanOrEqualTo(1);
        assertThat(snapshots.get(0).get("followers_count").asLong()).isEqualTo(1234);
        assertThat(snapshots.get(0).get("posts_count").asLong()).isEqualTo(789);
        assertThat(api.get("/api/v1/social/accounts/" + id, ada.accessToken())
                        .json()
                        .get("last_sync_at")
                        .isNull())
                .isFalse();
        assertThat(api.get("/api/v1/social/accounts/" + id + "/metrics", eve.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(
                                "/api/v1/social/accounts/" + id
                                        + "/metrics?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z",
                                ada.accessToken())
                        .status())
                .isEqualTo(400);
    }

    private JsonNode connect() {
        String authorization = flows.authorizationUrl(ada.accessToken(), "x");
        assertThat(authorization).contains("/i/oauth2/authorize").contains("code_challenge_method=S256");
        return flows.complete(authorization, "x-code");
    }

    private JsonNode await(String post) {
        return flows.awaitSettled(ada.accessToken(), post);
    }
}
