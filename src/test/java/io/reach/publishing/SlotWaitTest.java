package io.reach.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.SocialDirectory;
import io.reach.support.Accounts;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A runner confirms the job is still its own before it waits for the platform's slot, and again after the
 * wait when the wait took longer than it may send after a confirmation: a job taken back meanwhile is not
 * sent.
 */
@ReachTest
class SlotWaitTest {

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Autowired
    ApplicationContext context;

    private Accounts.SignedIn ada;
    private String account;

    @BeforeEach
    void connectedLinkedInAccount() {
        ada = accounts.owner();
        account = flows.linkedInPublisher(ada, "AQX-slot-wait");
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7500")));
    }

    @Test
    void aJobTakenBackWhileItsRunnerWaitedLongForTheSlotIsNotSent() {
        String text = "Waited long " + UUID.randomUUID();
        UUID job = jobOf(text);
        AtomicInteger asked = new AtomicInteger();
        RunningJobs heart = takenBackAfterTheFirstBeat(asked);

        runner(heart, Duration.ZERO).run(TenantId.of(ada.tenantId()), job);
        heart.destroy();

        assertThat(asked).as("confirmed before and after the wait").hasValue(2);
        assertThat(sent(text)).as("not sent").isZero();
    }

    @Test
    void aRunnerWhoseWaitWasShortSendsOnItsFirstConfirmation() {
        String text = "Waited briefly " + UUID.randomUUID();
        UUID job = jobOf(text);
        AtomicInteger asked = new AtomicInteger();
        RunningJobs heart = takenBackAfterTheFirstBeat(asked);

        runner(heart, Duration.ofHours(1)).run(TenantId.of(ada.tenantId()), job);
        heart.destroy();

        assertThat(asked).as("confirmed once").hasValue(1);
        assertThat(sent(text)).isEqualTo(1);
    }

    /** A heart whose first confirmation holds and whose later ones find the job taken back. */
    private RunningJobs takenBackAfterTheFirstBeat(AtomicInteger asked) {
        return new RunningJobs(
                context.getBean(PublishJobs.class),
                context.getBean(TenantTransactions.class),
                context.getBean(Clock.class),
                Duration.ofHours(1),
                Duration.ofHours(3)) {
            @Override
            boolean stillHeld(Held attempt) {
                return asked.incrementAndGet() == 1;
            }
        };
    }

    /** The application's runner, but with {@code heart} and sending at most {@code confirmedFor} after a beat. */
    private PublishRunner runner(RunningJobs heart, Duration confirmedFor) {
        return new PublishRunner(
                context.getBean(PublishJobs.class),
                context.getBean(Posts.class),
                context.getBean(SocialDirectory.class),
                context.getBean(PublishScheduling.class),
                context.getBean(TenantTransactions.class),
                new Backoff(Duration.ofSeconds(1), Duration.ofHours(1)),
                Duration.ofHours(48),
                4,
                context.getBean(Clock.class),
                context.getBean(Publications.class),
                context.getBean(SocialPosts.class),
                heart,
                confirmedFor);
    }

    private long sent(String text) {
        return TestProviders.SERVER
                .findAll(postRequestedFor(urlPathEqualTo("/rest/posts")).withRequestBody(containing(text)))
                .size();
    }

    /** The job of a post an hour ahead, so that only the test's runner runs it. */
    private UUID jobOf(String text) {
        String post = flows.schedulePost(
                ada.accessToken(), account, text, Instant.now().plus(Duration.ofHours(1)));
        return UUID.fromString(flows.firstJob(ada.accessToken(), post).get("id").asString());
    }
}
