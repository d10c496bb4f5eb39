package io.reach.campaigns.sending;

import io.reach.campaigns.CampaignProperties;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.time.UtcTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * At most one live run per campaign across all nodes. A run takes the campaign's lease, a
 * heartbeat renews it every quarter of {@code reach.campaigns.claim-lease} while the run lives,
 * and the run gives it back when it ends; a lease not renewed for a whole claim lease belongs to
 * a dead run and may be taken. A claim more than half a lease after the run's last committed renewal renews
 * it too (the heartbeat is failing or the run stalled), so a run that lost it claims nothing more. A claim
 * within half a lease asks nothing, as no other run can take a lease renewed that recently (unless its clock
 * runs half a lease ahead): the workers' claims no longer queue on the lease row's lock. With the heartbeat
 * working, claims never touch the row.
 */
@Component
class DispatchLeases {

    private static final Logger log = LoggerFactory.getLogger(DispatchLeases.class);
    private static final String TAKE = """
            insert into campaigns.dispatch_leases (tenant_id, channel, campaign_id, run_id, started_at, heartbeat_at)
            values (:tenant, :channel, :campaign, :run, :now, :now)
            on conflict (tenant_id, channel, campaign_id) do update
                set run_id = excluded.run_id, started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at
                where campaigns.dispatch_leases.heartbeat_at < :expired""";
    private static final String RENEW = """
            update campaigns.dispatch_leases set heartbeat_at = :now
            where tenant_id = :tenant and channel = :channel and campaign_id = :campaign and run_id = :run""";
    private static final String GIVE_BACK = """
            delete from campaigns.dispatch_leases
            where tenant_id = :tenant and channel = :channel and campaign_id = :campaign and run_id = :run""";

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final Duration lease;
    private final Clock clock;

    DispatchLeases(JdbcClient jdbc, TenantTransactions transactions, CampaignProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lease = properties.claimLease();
        this.clock = clock;
    }

    /** The campaign's lease with its heartbeat running, or empty while another run holds it. */
    Optional<Lease> take(TenantId tenant, Channel channel, UUID campaign) {
        UUID run = UUID.randomUUID();
        Instant now = clock.instant();
        boolean taken = transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql(TAKE)
                                .param("tenant", tenant.value())
                                .param("channel", channel.code())
                                .param("campaign", campaign)
                                .param("run", run)
                                .param("now", UtcTimes.utcOrNull(now))
                                .param("expired", UtcTimes.utcOrNull(now.minus(lease)))
                                .update()
                        == 1);
        return taken ? Optional.of(new Lease(tenant, channel, campaign, run, now)) : Optional.empty();
    }

    /** One run's hold on its campaign; closing it stops the heartbeat and frees the campaign for the next run. */
    final class Lease implements AutoCloseable {

        private final TenantId tenant;
        private final Channel channel;
        private final UUID campaign;
        private final UUID run;
        private final CountDownLatch ended = new CountDownLatch(1);
        private final Thread heartbeat;
        private volatile boolean held = true;
        /** When the last renewal this run made was committed (taking the lease is the first). */
        private volatile Instant confirmed;

        private Lease(TenantId tenant, Channel channel, UUID campaign, UUID run, Instant taken) {
            this.tenant = tenant;
            this.channel = channel;
            this.campaign = campaign;
            this.run = run;
            this.confirmed = taken;
            this.heartbeat = Thread.ofVirtual()
                    .name(channel.code() + "-lease-" + campaign)
                    .start(this::beat);
        }

        /**
         * For a claim, in its (tenant) transaction: false once the run ended or another run has the lease. Within
         * half a lease of the last committed renewal it is still this run's without asking: another run may take
         * it only a whole lease after; past that, the lease is renewed.
         */
        boolean renew() {
            Instant now = clock.instant();
            if (!held || now.isBefore(confirmed.plus(lease.dividedBy(2)))) {
                return held;
            }
            return renewAt(now);
        }

        /** Renews the lease in the current (tenant) transaction; false when another run has it. */
        private boolean renewAt(Instant now) {
            if (jdbc.sql(RENEW)
                            .param("tenant", tenant.value())
                            .param("channel", channel.code())
                            .param("campaign", campaign)
                            .param("run", run)
                            .param("now", UtcTimes.utcOrNull(now))
                            .update()
                    == 0) {
                held = false;
                log.warn(
                        "{} campaign {}: another run took over (this one was silent past its lease); this run stops",
                        channel.code(),
                        campaign);
            } else {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        if (now.isAfter(confirmed)) {
                            confirmed = now;
                        }
                    }
                });
            }
            return held;
        }

        private void beat() {
            Duration every = lease.dividedBy(4);
            try {
                while (!ended.await(every.toMillis(), TimeUnit.MILLISECONDS) && held) {
                    try {
                        transactions.inTransactionAs(tenant, () -> renewAt(clock.instant()));
                    } catch (RuntimeException e) {
                        // the database is unreachable for now: the lease runs out unless a later beat gets through
                        log.warn(
                                "{} campaign {}: could not renew the run's lease: {}",
                                channel.code(),
                                campaign,
                                e.toString());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            held = false;
            ended.countDown();
            try {
                heartbeat.join(lease);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            transactions.inTransactionAs(
                    tenant,
                    () -> jdbc.sql(GIVE_BACK)
                            .param("tenant", tenant.value())
                            .param("channel", channel.code())
                            .param("campaign", campaign)
                            .param("run", run)
                            .update());
        }
    }
}
