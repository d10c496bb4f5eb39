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

    @Test
    void aRenewalWithinHalfALeaseOfTheLastCommittedOneAsksNothingAndALaterOneSeesTheTakeover() {
        TenantId tenant = TenantId.of(accounts.owner().tenantId());
        SetClock clock = new SetClock(Instant.now());
        DispatchLeases leases = hourLong(clock);
        Duration half = HOUR.dividedBy(2);
        UUID campaign = UUID.randomUUID();
        try (DispatchLeases.Lease lease =
                leases.take(tenant, Channel.EMAIL, campaign).orElseThrow()) {
            clock.set(clock.instant().plus(half).plusMillis(1));
            assertThat(renew(tenant, lease)).isTrue();
            clock.set(clock.instant().plus(half).minusMillis(1));
            takeOver(tenant, campaign);

            assertThat(renew(tenant, lease))
                    .as("half a lease has not passed since the committed renewal: nothing asked")
                    .isTrue();

            clock.set(clock.instant().plusMillis(2));
            assertThat(renew(tenant, lease))
                    .as("half a lease on, the claim asks and finds the lease taken")
                    .isFalse();
        }
    }

    @Test
    void takingTheLeaseCountsAsARenewal() {
        TenantId tenant = TenantId.of(accounts.owner().tenantId());
        SetClock clock = new SetClock(Instant.now());
        DispatchLeases leases = hourLong(clock);
        UUID campaign = UUID.randomUUID();
        try (DispatchLeases.Lease lease =
                leases.take(tenant, Channel.EMAIL, campaign).orElseThrow()) {
            takeOver(tenant, campaign);

            assertThat(renew(tenant, lease))
                    .as("right after taking the lease, a run's first claims do not ask (they queued on its row)")
                    .isTrue();
            clock.set(clock.instant().plus(HOUR.dividedBy(2)).plusMillis(1));
            assertThat(renew(tenant, lease)).isFalse();
        }
    }

    @Test
    void aRenewalWhoseTransactionRolledBackConfirmsNothing() {
        TenantId tenant = TenantId.of(accounts.owner().tenantId());
        SetClock clock = new SetClock(Instant.now());
        DispatchLeases leases = hourLong(clock);
        UUID campaign = UUID.randomUUID();
        try (DispatchLeases.Lease lease =
                leases.take(tenant, Channel.EMAIL, campaign).orElseThrow()) {
            // taking the lease is its first committed renewal: half a lease on, a claim asks again
            clock.set(clock.instant().plus(HOUR.dividedBy(2)).plusMillis(1));
            assertThatThrownBy(() -> transactions.inTransactionAs(tenant, () -> {
                        lease.renew();
                        throw new IllegalStateException("the claim failed");
                    }))
                    .hasMessage("the claim failed");
            takeOver(tenant, campaign);

            assertThat(renew(tenant, lease))
                    .as("the rolled-back renewal did not count: the claim asks and finds the lease taken")
                    .isFalse();
        }
    }

    private DispatchLeases hourLong(Clock clock) {
        return new DispatchLeases(
                jdbc,
                transactions,
                new CampaignProperties(properties.batchSize(), HOUR, properties.email(), properties.sms()),
                clock);
    }

    private boolean renew(TenantId tenant, DispatchLeases.Lease lease) {
        return transactions.inTransactionAs(tenant, lease::renew);
    }

    /** Another run takes the lease, as it could once this one had been silent for a whole lease. */
    private void takeOver(TenantId tenant, UUID campaign) {
        transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("update campaigns.dispatch_leases set run_id = :other where campaign_id = :campaign")
                        .param("other", UUID.randomUUID())
                        .param("campaign", campaign)
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
