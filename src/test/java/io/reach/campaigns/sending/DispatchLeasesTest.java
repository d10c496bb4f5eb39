package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.campaigns.CampaignProperties;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.ReachTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A claim renews its run's lease in the database only once half a lease has passed since the run's last
 * committed renewal (no other run can take the lease before a whole one has), and then sees a takeover. The
 * leases here last an hour, so their heartbeat (every quarter lease) stays out of the way.
 */
@ReachTest
class DispatchLeasesTest {

    @Autowired
    Accounts accounts;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignProperties properties;

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration HALF = HOUR.dividedBy(2);

    @Test
    void aRenewalWithinHalfALeaseOfTheLastCommittedOneAsksNothingAndALaterOneSeesTheTakeover() {
        try (Held run = hold()) {
            run.passes(HALF.plusMillis(1));
            assertThat(renew(run)).isTrue();
            run.passes(HALF.minusMillis(1));
            takeOver(run);

            assertThat(renew(run))
                    .as("half a lease has not passed since the committed renewal: nothing asked")
                    .isTrue();

            run.passes(Duration.ofMillis(2));
            assertThat(renew(run))
                    .as("half a lease on, the claim asks and finds the lease taken")
                    .isFalse();
        }
    }

    @Test
    void takingTheLeaseCountsAsARenewal() {
        try (Held run = hold()) {
            takeOver(run);

            assertThat(renew(run))
                    .as("right after taking the lease, a run's first claims do not ask (they queued on its row)")
                    .isTrue();
            run.passes(HALF.plusMillis(1));
            assertThat(renew(run)).isFalse();
        }
    }

    @Test
    void aRenewalWhoseTransactionRolledBackConfirmsNothing() {
        try (Held run = hold()) {
            // taking the lease is its first committed renewal: half a lease on, a claim asks again
            run.passes(HALF.plusMillis(1));
            assertThatThrownBy(() -> transactions.inTransactionAs(run.tenant(), () -> {
                        run.lease().renew();
                        throw new IllegalStateException("the claim failed");
                    }))
                    .hasMessage("the claim failed");
            takeOver(run);

            assertThat(renew(run))
                    .as("the rolled-back renewal did not count: the claim asks and finds the lease taken")
                    .isFalse();
        }
    }

    /** A run holding a new campaign's hour-long lease, and the clock the lease reads. */
    private record Held(TenantId tenant, SetClock clock, UUID campaign, DispatchLeases.Lease lease)
            implements AutoCloseable {

        void passes(Duration time) {
            clock.set(clock.instant().plus(time));
        }

        @Override
        public void close() {
            lease.close();
        }
    }

    private Held hold() {
        TenantId tenant = TenantId.of(accounts.owner().tenantId());
        SetClock clock = new SetClock(Instant.now());
        DispatchLeases leases = new DispatchLeases(
                jdbc,
                transactions,
                new CampaignProperties(properties.batchSize(), HOUR, properties.email(), properties.sms()),
                clock);
        UUID campaign = UUID.randomUUID();
        return new Held(
                tenant,
                clock,
                campaign,
                leases.take(tenant, Channel.EMAIL, campaign).orElseThrow());
    }

    private boolean renew(Held run) {
        return transactions.inTransactionAs(run.tenant(), run.lease()::renew);
    }

    /** Another run takes the lease, as it could once this one had been silent for a whole lease. */
    private void takeOver(Held run) {
        transactions.inTransactionAs(
                run.tenant(),
                () -> jdbc.sql("update campaigns.dispatch_leases set run_id = :other where campaign_id = :campaign")
                        .param("other", UUID.randomUUID())
                        .param("campaign", run.campaign())
                        .update());
    }

    /** A clock the test sets; the lease's own heartbeat sees the same time. */
    private static final class SetClock extends Clock {

        private volatile Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
