package io.reach.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.Publication;
import io.reach.social.SocialDirectory;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A publish job whose runner stalls past the stale-job threshold is taken over, and still goes out once. */
@ReachTest
class PublishRecoveryTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Autowired
    PublishRunner runner;

    @Autowired
    PublishJobs jobs;

    @Autowired
    Posts posts;

    @Autowired
    SocialDirectory social;

    @Autowired
    PublishScheduling scheduling;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    Clock clock;

    @Autowired
    SocialPosts socialPosts;

    @Autowired
    JsonMapper json;

    @Autowired
    RunningJobs running;

    private Accounts.SignedIn ada;
    private String account;

    @BeforeEach
    void connectedLinkedInAccount() {
        ada = accounts.owner();
        account = flows.linkedInPublisher(ada, "AQX-recovery");
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7200")));
        TestProviders.SERVER.stubFor(get(urlPathEqualTo("/rest/posts")).willReturn(okJson("{\"elements\": []}")));
    }

    @Test
    void aRunnerWhoseJobWasTakenOverNeitherPublishesNorFinishesIt() throws Exception {
        String text = "Taken over " + UUID.randomUUID();
        String post = schedule(text, Instant.now().plus(Duration.ofHours(1)));
        UUID job = UUID.fromString(jobOf(post).get("id").asString());
        TenantId tenant = TenantId.of(ada.tenantId());
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        PublishRunner stalling = runnerThatStallsBeforeSending(stalled, resume, running);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> stalling.run(tenant, job));
        assertThat(stalled.await(30, TimeUnit.SECONDS))
                .as("the first runner claimed the job")
                .isTrue();
        takeBackStaleJobs(tenant);
        runner.run(tenant, job);
        resume.countDown();
        first.get(30, TimeUnit.SECONDS);

        assertThat(TestProviders.SERVER.findAll(
                        postRequestedFor(urlPathEqualTo("/rest/posts")).withRequestBody(containing(text))))
                .as("sent once")
                .hasSize(1);
        assertThat(api.get("/api/v1/social-posts?social_account_id=" + account, ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .as("one publication")
                .isEqualTo(1);
        JsonNode settled = jobOf(post);
        assertThat(settled.get("status").asString()).isEqualTo("success");
        assertThat(settled.get("attempt").asInt()).isEqualTo(2);
        assertThat(settled.get("attempts")
                        .valueStream()
                        .map(a -> a.get("outcome").asString()))
                .containsExactly("published");
    }

    @Test
    void aRunnerThatSentAfterItsJobWasTakenBackCannotFinishIt() throws Exception {
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .inScenario("two runners")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7201"))
                .willSetStateTo("sent once"));
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .inScenario("two runners")
                .whenScenarioStateIs("sent once")
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7202")));
        String post = schedule("Sent late " + UUID.randomUUID(), Instant.now().plus(Duration.ofHours(1)));
        UUID job = UUID.fromString(jobOf(post).get("id").asString());
        TenantId tenant = TenantId.of(ada.tenantId());
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        RunningJobs unaware = new RunningJobs(jobs, transactions, clock, Duration.ofHours(1), Duration.ofHours(3)) {
            @Override
            boolean stillHeld(Held attempt) {
                return true;
            }
        };
        PublishRunner late = runnerThatStallsBeforeSending(stalled, resume, unaware);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> late.run(tenant, job));
        assertThat(stalled.await(30, TimeUnit.SECONDS))
                .as("the first runner claimed the job")
                .isTrue();
        takeBackStaleJobs(tenant);
        runner.run(tenant, job);
        resume.countDown();
        first.get(30, TimeUnit.SECONDS);
        unaware.destroy();

        JsonNode settled = jobOf(post);
        assertThat(settled.get("provider_job_id").asString())
                .as("the newer attempt's result stands")
                .isEqualTo("urn:li:share:7201");
        assertThat(settled.get("attempt").asInt()).isEqualTo(2);
        assertThat(settled.get("attempts")
                        .valueStream()
                        .map(a -> a.get("outcome").asString()))
                .containsExactly("published");
        JsonNode published = api.get("/api/v1/social-posts?social_account_id=" + account, ada.accessToken())
                .json()
                .get("items");
        assertThat(published.size()).as("one publication").isEqualTo(1);
        assertThat(published.get(0).get("external_post_id").asString()).isEqualTo("urn:li:share:7201");
    }

    /** The sweep of a minute well past the stale-job threshold: the stalled runner has not beaten since it claimed. */
    private void takeBackStaleJobs(TenantId tenant) {
        transactions.inTransactionAs(
                tenant, () -> jobs.stranded(clock.instant().plus(Duration.ofMinutes(11)), Duration.ofMinutes(10)));
    }

    /** A runner (another node) that stops, after claiming, for as long as the test says: a long wait or upload. */
    private PublishRunner runnerThatStallsBeforeSending(
            CountDownLatch stalled, CountDownLatch resume, RunningJobs heart) {
        Publications stalling = new Publications(json) {
            @Override
            Publication of(PublishJobs.Job job) {
                stalled.countDown();
                try {
                    resume.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.of(job);
            }
        };
        return new PublishRunner(
                jobs,
                posts,
                social,
                scheduling,
                transactions,
                Duration.ofSeconds(1),
                Duration.ofHours(1),
                Duration.ofHours(48),
                4,
                clock,
                stalling,
                socialPosts,
                heart);
    }

    private String schedule(String text, Instant at) {
        return flows.schedulePost(ada.accessToken(), account, text, at);
    }

    private JsonNode jobOf(String post) {
        return flows.firstJob(ada.accessToken(), post);
    }
}
