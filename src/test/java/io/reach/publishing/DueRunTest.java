package io.reach.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A workspace's due run: set for its earliest job, run again for the next one, and never in the way of a
 * job planned while it runs (that job gets a task of its own).
 */
@ReachTest
class DueRunTest {

    private static final String DUE_RUN = """
            select execution_time from platform.scheduled_tasks where task_name = 'publish-due' and task_instance = ?""";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Autowired
    OwnerDatabase owner;

    private Accounts.SignedIn ada;
    private String account;

    @BeforeEach
    void connectedLinkedInAccount() {
        ada = accounts.owner();
        account = flows.linkedInPublisher(ada, "AQX-due-run");
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7400")));
    }

    @Test
    void theRunIsBroughtForwardForAnEarlierPostAndSetsItselfForTheNextOne() {
        Instant later = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        String second = schedule("Later " + UUID.randomUUID(), later);
        assertThat(dueRunAt()).as("set for the only post").isEqualTo(later);
        Instant sooner = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        String first = schedule("Sooner " + UUID.randomUUID(), sooner);
        assertThat(dueRunAt()).as("brought forward").isEqualTo(sooner);

        JsonNode firstSettled = flows.awaitSettled(ada.accessToken(), first);

        assertThat(firstSettled.get("status").asString()).isEqualTo("published");
        assertThat(status(second)).as("not sent before its time").isEqualTo("scheduled");
        assertThat(dueRunAt()).as("the run set itself for the next post").isEqualTo(later);
        JsonNode secondSettled = flows.awaitSettled(ada.accessToken(), second);
        assertThat(secondSettled.get("status").asString()).isEqualTo("published");
        assertThat(Instant.parse(secondSettled.get("published_at").asString())).isAfterOrEqualTo(later);
    }

    @Test
    void aPostPlannedWhileTheRunIsRunningGetsATaskOfItsOwnAndGoesOutOnce() {
        schedule("Far off " + UUID.randomUUID(), Instant.now().plusSeconds(3600));
        // another node has just picked the workspace's run, so it may have looked for due jobs already
        owner.run(jdbc -> jdbc.update(
                "update platform.scheduled_tasks set picked = true, picked_by = 'another node', last_heartbeat = now()"
                        + " where task_name = 'publish-due' and task_instance = ?",
                ada.tenantId().toString()));
        try {
            String text = "Meanwhile " + UUID.randomUUID();
            String post = schedule(text, Instant.now().plusSeconds(1));

            assertThat(ownTasks()).as("a task of its own").isEqualTo(1);
            JsonNode settled = flows.awaitSettled(ada.accessToken(), post);
            assertThat(settled.get("status").asString()).isEqualTo("published");
            assertThat(TestProviders.SERVER.findAll(
                            postRequestedFor(urlPathEqualTo("/rest/posts")).withRequestBody(containing(text))))
                    .hasSize(1);
        } finally {
            owner.run(jdbc -> jdbc.update(
                    "update platform.scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null"
                            + " where task_name = 'publish-due' and task_instance = ?",
                    ada.tenantId().toString()));
        }
    }

    private Instant dueRunAt() {
        return owner.with(jdbc -> jdbc.queryForObject(
                        DUE_RUN, java.time.OffsetDateTime.class, ada.tenantId().toString()))
                .toInstant();
    }

    private long ownTasks() {
        return owner.with(jdbc -> jdbc.queryForObject(
                "select count(*) from platform.scheduled_tasks where task_name = 'publish-variant'"
                        + " and task_instance like ?",
                Long.class,
                ada.tenantId() + ":%"));
    }

    private String status(String post) {
        return api.get("/api/v1/posts/" + post, ada.accessToken())
                .json()
                .get("status")
                .asString();
    }

    private String schedule(String text, Instant at) {
        return flows.schedulePost(ada.accessToken(), account, text, at);
    }
}
