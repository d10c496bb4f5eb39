package io.reach.social.platform.meta;

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
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Connecting a Threads account and publishing to it through Reach's API, against WireMock. */
@ReachTest
class ThreadsAdapterTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    private Accounts.SignedIn ada;
    private String user;

    @BeforeEach
    void threadsApi() {
        var wiremock = TestProviders.SERVER;
        wiremock.resetAll();
        user = "26" + Long.toString(1_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
        wiremock.stubFor(post(urlPathEqualTo("/oauth/access_token"))
                .withRequestBody(containing("code=th-code"))
                .withRequestBody(containing("client_id=reach-threads-client"))
                .willReturn(okJson("{\"access_token\": \"th-short\", \"user_id\": " + user + "}")));
        wiremock.stubFor(get(urlPathEqualTo("/access_token"))
                .withQueryParam("grant_type", equalTo("th_exchange_token"))
                .withQueryParam("access_token", equalTo("th-short"))
                .willReturn(okJson(
                        "{\"access_token\": \"th-long\", \"token_type\": \"bearer\", \"expires_in\": 5184000}")));
        wiremock.stubFor(get(urlPathEqualTo("/v1.0/me"))
                .withHeader("Authorization", equalTo("Bearer th-long"))
                .willReturn(okJson("{\"id\": \"%s\", \"username\": \"ada-%s\", \"name\": \"Ada\"}"
                        .formatted(user, UUID.randomUUID().toString().substring(0, 6)))));
        ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
    }

    @Test
    void aTextThreadIsPublishedAndMediaThreadsCannotProcessFailsWithItsReason() {
        String id = connect().get("id").asString();
        var wiremock = TestProviders.SERVER;
        wiremock.stubFor(post(urlPathEqualTo("/v1.0/" + user + "/threads"))
                .withRequestBody(containing("TEXT"))
                .willReturn(okJson("{\"id\": \"text-container\"}")));
        wiremock.stubFor(post(urlPathEqualTo("/v1.0/" + user + "/threads"))
                .withRequestBody(containing("VIDEO"))
                .willReturn(okJson("{\"id\": \"video-container\"}")));
        wiremock.stubFor(get(urlPathEqualTo("/v1.0/text-container")).willReturn(okJson("{\"status\": \"FINISHED\"}")));
        wiremock.stubFor(get(urlPathEqualTo("/v1.0/video-container")).willReturn(okJson("""
                {"status": "ERROR", "error_message": "FAILED_PROCESSING_VIDEO"}""")));
        wiremock.stubFor(post(urlPathEqualTo("/v1.0/" + user + "/threads_publish"))
                .withRequestBody(equalTo("creation_id=text-container"))
                .willReturn(okJson("{\"id\": \"th-777\"}")));

        String text = schedule(id, "Hello Threads " + UUID.randomUUID(), "[]");
        String video = schedule(
                id,
                "A video",
                "[{\"type\": \"video\", \"format\": \"mp4\", \"duration_seconds\": 30,"
                        + " \"url\": \"https://cdn.example/v.mp4\"}]");

        assertThat(await(text).get("status").asString()).isEqualTo("published");
        assertThat(api.get("/api/v1/posts/" + text + "/jobs", ada.accessToken())
                        .json()
                        .get("items")
                        .get(0)
                        .get("provider_job_id")
                        .asString())
                .isEqualTo("th-777");
        assertThat(await(video).get("status").asString()).isEqualTo("failed");
        JsonNode failed = api.get("/api/v1/posts/" + video + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(failed.toString()).contains("FAILED_PROCESSING_VIDEO");
        wiremock.verify(
                0,
                postRequestedFor(urlPathEqualTo("/v1.0/" + user + "/threads_publish"))
                        .withRequestBody(equalTo("creation_id=video-container")));
    }

    private String schedule(String account, String text, String media) {
        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "%s", "media": %s}]}""".formatted(account, text, media))
                .json()
                .get("id")
                .asString();
        api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        return post;
    }

    private JsonNode connect() {
        String authorization = flows.authorizationUrl(ada.accessToken(), "threads");
        JsonNode account = flows.complete(authorization, "th-code");
        assertThat(account.get("platform").asString()).isEqualTo("threads");
        assertThat(account.get("platform_user_id").asString()).isEqualTo(user);
        return account;
    }

    private JsonNode await(String post) {
        return flows.awaitSettled(ada.accessToken(), post);
    }
}
