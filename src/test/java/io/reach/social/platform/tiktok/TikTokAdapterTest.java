package io.reach.social.platform.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A TikTok account connected and published to through Reach's API, against WireMock speaking TikTok's API v2. */
@ReachTest
class TikTokAdapterTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    private Accounts.SignedIn ada;
    private String username;

    @BeforeEach
    void tiktokApi() {
        var wiremock = TestProviders.SERVER;
        wiremock.resetAll();
        username = "ada." + UUID.randomUUID().toString().substring(0, 6);
        wiremock.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).willReturn(okJson("""
                {"access_token": "act.tiktok-flow", "expires_in": 86400, "open_id": "open-flow", "refresh_token": "rft.flow",
                 "refresh_expires_in": 31536000, "scope": "user.info.basic,video.publish", "token_type": "Bearer"}""")));
        wiremock.stubFor(get(urlPathEqualTo("/v2/user/info/"))
                .withHeader("Authorization", equalTo("Bearer act.tiktok-flow"))
                .willReturn(okJson("""
                        {"data": {"user": {"open_id": "open-flow", "display_name": "Ada", "username": "%s",
                                           "is_verified": false, "follower_count": 880, "following_count": 31,
                                           "likes_count": 12000, "video_count": 14}},
                         "error": {"code": "ok", "message": "", "log_id": "1"}}""".formatted(username))));
        ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
    }

    @Test
    void aTikTokAccountConnectsAndAVideoIsPublishedOnceTikTokHasProcessedIt() {
        JsonNode account = connect();
        assertThat(account.get("platform").asString()).isEqualTo("tiktok");
        assertThat(account.get("handle").asString()).isEqualTo("@" + username);
        assertThat(account.get("follower_count").asLong()).isEqualTo(880);
        TestProviders.SERVER.verify(postRequestedFor(urlPathEqualTo("/v2/oauth/token/"))
                .withRequestBody(containing("client_key=reach-tiktok-client"))
                .withRequestBody(containing("client_secret=reach-tiktok-secret"))
                .withRequestBody(containing("code_verifier=")));

        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/"))
                .withHeader("Authorization", equalTo("Bearer act.tiktok-flow"))
                .withRequestBody(equalToJson("""
                        {"post_info": {"title": "Behind the scenes #reach", "privacy_level": "MUTUAL_FOLLOW_FRIENDS"},
                         "source_info": {"source": "PULL_FROM_URL", "video_url": "https://cdn.example/bts.mp4"}}""", true, true))
                .willReturn(okJson(ok("{\"publish_id\": \"v_pub_url~v2.flow\"}"))));
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                .inScenario("tiktok")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(ok("{\"status\": \"PROCESSING_UPLOAD\"}")))
                .willSetStateTo("processed"));
        TestProviders.SERVER.stubFor(
                post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                        .inScenario("tiktok")
                        .whenScenarioStateIs("processed")
                        .willReturn(
                                okJson(
                                        ok(
                                                "{\"status\": \"PUBLISH_COMPLETE\", \"publicaly_available_post_id\": [7399000000000000001]}"))));

        String post = schedule(
                account.get("id").asString(),
                "Behind the scenes #reach",
                "{\"privacy_level\": \"MUTUAL_FOLLOW_FRIENDS\"}");
        JsonNode settled = await(post);

        assertThat(settled.get("status").asString()).isEqualTo("published");
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("provider_job_id").asString()).isEqualTo("7399000000000000001");
        TestProviders.SERVER.verify(1, postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
    }

    @Test
    void aRefusalThatTikTokSendsWithHttp200FailsThePostWithTikToksWords() {
        String id = connect().get("id").asString();
        TestProviders.SERVER.stubFor(
                post(urlPathEqualTo("/v2/post/publish/video/init/")).willReturn(okJson("""
                {"data": {}, "error": {"code": "spam_risk_too_many_posts",
                 "message": "The daily post cap from the current user has been reached", "log_id": "202603101200"}}""")));

        String post = schedule(id, "One too many", "{}");
        JsonNode settled = await(post);

        assertThat(settled.get("status").asString()).isEqualTo("failed");
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("last_error_kind").asString()).isEqualTo("terminal");
        assertThat(job.get("last_error").asString())
                .contains("spam_risk_too_many_posts")
                .contains("daily post cap");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
    }

    private String schedule(String accountId, String text, String metadata) {
        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "%s", "metadata": %s,
                  "media": [{"type": "video", "format": "mp4", "duration_seconds": 30, "url": "https://cdn.example/bts.mp4"}]}]}""".formatted(accountId, text, metadata))
                .json()
                .get("id")
                .asString();
        var scheduled = api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        return post;
    }

    private JsonNode connect() {
        String authorization = flows.authorizationUrl(ada.accessToken(), "tiktok");
        assertThat(authorization)
                .contains("/v2/auth/authorize/")
                .contains("client_key=reach-tiktok-client")
                .contains("code_challenge_method=S256")
                .doesNotContain("client_id=");
        return flows.complete(authorization, "tiktok-code");
    }

    private static String ok(String data) {
        return "{\"data\": " + data + ", \"error\": {\"code\": \"ok\", \"message\": \"\", \"log_id\": \"2\"}}";
    }

    private JsonNode await(String post) {
        return flows.awaitSettled(ada.accessToken(), post);
    }
}
