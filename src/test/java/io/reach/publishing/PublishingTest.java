package io.reach.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Scheduled posts going out to LinkedIn (WireMock speaking its API), once, whatever goes wrong. */
@ReachTest
class PublishingTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Autowired
    DataSource dataSource;

    @Autowired
    OneTimeTask<String> publishVariantTask;

    @Autowired
    com.github.kagkarlsson.scheduler.task.helper.CustomTask<String> publishDueTask;

    private Accounts.SignedIn ada;
    private String account;

    @BeforeEach
    void connectedLinkedInAccount() {
        ada = accounts.owner();
        account = flows.linkedInPublisher(ada, "AQX-publisher");
    }

    @Test
    void aScheduledPostPublishesExactlyOnceAtItsTime() {
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7001")));
        String text = "Exactly once " + UUID.randomUUID();
        Instant at = Instant.now().plusSeconds(2);

        String post = schedule(text, at);
        JsonNode settled = awaitSettled(post);

        assertThat(settled.get("status").asString()).isEqualTo("published");
        assertThat(Instant.parse(settled.get("published_at").asString())).isAfterOrEqualTo(at.minusMillis(1));
        assertThat(publishCalls(text)).isEqualTo(1);
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("status").asString()).isEqualTo("success");
        assertThat(job.get("provider_job_id").asString()).isEqualTo("urn:li:share:7001");
        JsonNode published = api.get("/api/v1/social-posts?social_account_id=" + account, ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(published.get("external_post_id").asString()).isEqualTo("urn:li:share:7001");
        assertThat(published.get("post_content").asString()).isEqualTo(text);
        assertThat(published.get("post_type").asString()).isEqualTo("text");
        assertThat(published.get("campaign_id").isNull()).isTrue();
        String socialPost = published.get("id").asString();
        String campaign = campaignOf(ada);
        assertThat(api.put(
                                "/api/v1/social-posts/" + socialPost + "/campaign",
                                ada.accessToken(),
                                "{\"campaign_id\": \"%s\"}".formatted(campaign))
                        .json()
                        .get("campaign_id")
                        .asString())
                .isEqualTo(campaign.toString());
        assertThat(api.get("/api/v1/social-posts?campaign_id=" + campaign, ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(api.get(
                                "/api/v1/social-posts/" + socialPost,
                                accounts.owner().accessToken())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPublishedPostLinksOnlyToItsOwnWorkspacesCampaigns() {
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7005")));
        String post =
                schedule("Campaign link " + UUID.randomUUID(), Instant.now().plusSeconds(1));
        assertThat(awaitSettled(post).get("status").asString()).isEqualTo("published");
        String socialPost = api.get("/api/v1/social-posts?social_account_id=" + account, ada.accessToken())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        String own = campaignOf(ada);
        String othersCampaign = campaignOf(accounts.owner());
        String link = "/api/v1/social-posts/" + socialPost + "/campaign";

        var foreign = api.put(link, ada.accessToken(), "{\"campaign_id\": \"%s\"}".formatted(othersCampaign));
        var unknown = api.put(link, ada.accessToken(), "{\"campaign_id\": \"%s\"}".formatted(UUID.randomUUID()));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(foreign.json().get("title").asString())
                .as("looks like an unknown id")
                .isEqualTo(unknown.json().get("title").asString());
        assertThat(api.get("/api/v1/social-posts/" + socialPost, ada.accessToken())
                        .json()
                        .get("post")
                        .get("campaign_id")
                        .isNull())
                .as("nothing was linked")
                .isTrue();
        assertThat(api.put(link, ada.accessToken(), "{\"campaign_id\": \"%s\"}".formatted(own))
                        .json()
                        .get("campaign_id")
                        .asString())
                .isEqualTo(own);
        assertThat(api.put(link, ada.accessToken(), "{\"campaign_id\": null}")
                        .json()
                        .get("campaign_id")
                        .isNull())
                .isTrue();
    }

    @Test
    void aScheduledPostWithAnImagePublishesOnceWithTheImageAttached() {
        var wiremock = TestProviders.SERVER;
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        wiremock.stubFor(get(urlPathEqualTo("/media/team.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        wiremock.stubFor(post(urlEqualTo("/rest/images?action=initializeUpload"))
                .willReturn(okJson("""
                {"value": {"uploadUrl": "%s/dms-uploads/team", "image": "urn:li:image:C4E10AQTeam"}}""".formatted(wiremock.baseUrl()))));
        wiremock.stubFor(
                put(urlPathEqualTo("/dms-uploads/team")).willReturn(aResponse().withStatus(201)));
        wiremock.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7004")));
        String text = "With an image " + UUID.randomUUID();

        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "%s",
                  "media": [{"type": "image", "format": "png", "url": "%s/media/team.png"}]}]}""".formatted(account, text, wiremock.baseUrl()))
                .json()
                .get("id")
                .asString();
        api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        JsonNode settled = awaitSettled(post);

        assertThat(settled.get("status").asString()).isEqualTo("published");
        assertThat(publishCalls(text)).isEqualTo(1);
        assertThat(wiremock.findAll(
                        putRequestedFor(urlPathEqualTo("/dms-uploads/team")).withRequestBody(binaryEqualTo(png))))
                .hasSize(1);
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/rest/posts"))
                        .withRequestBody(containing(text))
                        .withRequestBody(matchingJsonPath("$.content.media.id", equalTo("urn:li:image:C4E10AQTeam")))))
                .hasSize(1);
    }

    @Test
    void aRateLimitIsRetriedAfterItsRetryAfter() {
        String text = "Rate limited " + UUID.randomUUID();
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "2")
                        .withBody("{\"message\": \"Throttled\"}"))
                .willSetStateTo("open"));
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .inScenario("429")
                .whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7002")));

        String post = schedule(text, Instant.now().plusSeconds(1));
        JsonNode settled = awaitSettled(post);

        assertThat(settled.get("status").asString()).isEqualTo("published");
        JsonNode attempts = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0)
                .get("attempts");
        assertThat(attempts.valueStream().map(a -> a.get("outcome").asString()))
                .containsExactly("retryable", "published");
        Instant first = Instant.parse(attempts.get(0).get("attempted_at").asString());
        Instant second = Instant.parse(attempts.get(1).get("attempted_at").asString());
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTimedOutPublishIsLookedUpNotSentAgain() {
        String text = "Timed out " + UUID.randomUUID();
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("x-restli-id", "urn:li:share:7003")
                        .withFixedDelay(2500)));
        TestProviders.SERVER.stubFor(get(urlPathEqualTo("/rest/posts"))
                .willReturn(okJson("""
                {"elements": [{"id": "urn:li:share:7003", "commentary": "%s", "createdAt": %d}]}""".formatted(text, Instant.now().toEpochMilli()))));

        String post = schedule(text, Instant.now().plusSeconds(1));
        JsonNode settled = awaitSettled(post);

        assertThat(settled.get("status").asString()).isEqualTo("published");
        assertThat(publishCalls(text)).isEqualTo(1);
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("attempts").valueStream().map(a -> a.get("outcome").asString()))
                .containsExactly("unknown", "found");
    }

    @Test
    void anAuthorisationErrorFailsAtOnceWithAReadableReason() {
        String text = "Forbidden " + UUID.randomUUID();
        TestProviders.SERVER.stubFor(
                post(urlPathEqualTo("/rest/posts"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"message\": \"Not enough permissions to access: partnerApiPostsExternal.CREATE\"}")));

        String post = schedule(text, Instant.now().plusSeconds(1));
        JsonNode settled = awaitSettled(post);

        assertThat(settled.get("status").asString()).isEqualTo("failed");
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.get("last_error").asString()).contains("403").contains("Not enough permissions");
        assertThat(job.get("last_error_kind").asString()).isEqualTo("terminal");
    }

    @Test
    void twoSchedulerInstancesPublishEachJobOnce() {
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7100")));
        Scheduler second = Scheduler.create(dataSource, publishVariantTask, publishDueTask)
                .tableName("platform.scheduled_tasks")
                .threads(4)
                .pollingInterval(Duration.ofMillis(200))
                .build();
        second.start();
        try {
            List<String> texts = new ArrayList<>();
            List<String> scheduled = new ArrayList<>();
            Instant at = Instant.now().plusSeconds(2);
            for (int i = 0; i < 6; i++) {
                String text = "Two nodes " + i + " " + UUID.randomUUID();
                texts.add(text);
                scheduled.add(schedule(text, at));
            }

            scheduled.forEach(this::awaitSettled);

            texts.forEach(text -> assertThat(publishCalls(text)).as(text).isEqualTo(1));
        } finally {
            second.stop();
        }
    }

    private String schedule(String text, Instant at) {
        return flows.schedulePost(ada.accessToken(), account, text, at);
    }

    private String campaignOf(Accounts.SignedIn who) {
        var created = api.post("/api/v1/campaigns", who.accessToken(), "{\"name\": \"Launch\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode awaitSettled(String post) {
        return flows.awaitSettled(ada.accessToken(), post);
    }

    private long publishCalls(String text) {
        return TestProviders.SERVER
                .findAll(postRequestedFor(urlPathEqualTo("/rest/posts")).withRequestBody(containing(text)))
                .size();
    }

    private void owner(String settings) {
        api.put("/api/v1/admin/tenants/" + ada.tenantId() + "/settings", Api.ADMIN, settings);
    }
}
