package io.reach.campaigns.sending;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.reach.campaigns.CampaignProperties;
import io.reach.campaigns.CampaignsForSending;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Runs one e-mail or SMS campaign's sending, holding the campaign's run lease so that no other
 * run of it works at the same time ({@link DispatchLeases}): marks rows a dead run left mid-send as interrupted,
 * then several workers (each with its own connection) claim batches, reserve their budget,
 * deliver at the campaign's rate (a batch takes at most a quarter of the claim lease) and record outcomes, until nothing is queued, the campaign is
 * paused, or its budget runs out. Progress goes to the log at each tenth of the run and at least every half minute
 * ({@link ProgressLog}).
 */
@Component
@EnableConfigurationProperties(CampaignProperties.class)
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /**
     * Outcomes are recorded every this many messages: at most this many a worker are left unrecorded (and
     * marked failed as interrupted) if its node dies. At 50, recording took a third more of the database's time.
     */
    private static final int MARK_EVERY = 100;

    private final Map<Channel, Carrier> carriers;
    private final SendQueue queue;
    private final ChannelCampaigns channelCampaigns;
    private final CampaignsForSending campaigns;
    private final SendEffects effects;
    private final DispatchLeases leases;
    private final TenantTransactions transactions;
    private final CampaignProperties properties;
    private final Clock clock;

    Dispatcher(
            List<Carrier> carriers,
            SendQueue queue,
            ChannelCampaigns channelCampaigns,
            CampaignsForSending campaigns,
            SendEffects effects,
            DispatchLeases leases,
            TenantTransactions transactions,
            CampaignProperties properties,
            Clock clock) {
        this.carriers = carriers.stream().collect(Collectors.toMap(Carrier::channel, Function.identity()));
        this.queue = queue;
        this.channelCampaigns = channelCampaigns;
        this.campaigns = campaigns;
        this.effects = effects;
        this.leases = leases;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    void run(TenantId tenant, Channel channel, UUID id) {
        Carrier carrier = carriers.get(channel);
        if (carrier == null) {
            throw new IllegalStateException("No carrier for " + channel.code());
        }
        run(tenant, id, carrier);
    }

    /** Runs the campaign with {@code carrier} (tests hand in one that fails midway). */
    void run(TenantId tenant, UUID id, Carrier carrier) {
        Channel channel = carrier.channel();
        boolean again = true;
        while (again) {
            // one run per campaign at a time on all nodes: a retry or follow-up leaves the work to a live run
            var lease = leases.take(tenant, channel, id);
            if (lease.isEmpty()) {
                log.info("{} campaign {}: another run is alive; this one leaves the sending to it", channel.code(), id);
                return;
            }
            int sent;
            try (DispatchLeases.Lease held = lease.get()) {
                @Nullable Run run = transactions.inTransactionAs(tenant, () -> start(channel, id, held));
                if (run == null) {
                    return;
                }
                sent = runOnce(tenant, run, carrier);
            }
            // resumed while this run was finishing: carry on rather than leave it to the sweep (unless
            // nothing could be claimed: the rows are held, or this run lost its lease)
            again = sent > 0
                    && transactions.inTransactionAs(
                            tenant, () -> channelCampaigns.isSending(channel, id) && queue.queued(channel, id) > 0);
        }
    }

    private int runOnce(TenantId tenant, Run run, Carrier carrier) {
        Channel channel = run.channel();
        UUID id = run.id();
        Carrier.Prepared prepared = transactions.inTransactionAs(tenant, () -> carrier.prepare(tenant, id));
        int concurrency = concurrency(channel);
        int fallbackRate = channel == Channel.EMAIL
                ? properties.email().ratePerSecond()
                : properties.sms().ratePerSecond();
        int rate = prepared.ratePerSecond(fallbackRate);
        // a batch must be sent well within the claim lease, or another run would take its rows for a dead worker's
        int batch = Math.clamp(rate * properties.claimLease().toMillis() / 4_000, 1, properties.batchSize());
        Bucket pace = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(Math.max(1, rate / 10))
                        .refillGreedy(rate, Duration.ofSeconds(1))
                        .build())
                .build();
        AtomicInteger sent = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.ofVirtual()
                    .name(channel.code() + "-send-" + id + "-" + i)
                    .start(() -> {
                        try {
                            work(tenant, run, prepared, pace, sent, batch);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                workers.forEach(Thread::interrupt); // they must not send on once this run has given its lease back
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while sending " + id, e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    "Sending " + channel.code() + " campaign " + id + " stopped", failures.get(0));
        }
        boolean done =
                transactions.inTransactionAs(tenant, () -> channelCampaigns.finishIfDone(channel, id, clock.instant()));
        log.info(
                "{} campaign {} of tenant {}: {} messages this run{}",
                channel.code(),
                id,
                tenant.value(),
                sent.get(),
                done ? "; all sent" : "; stopped (paused or out of budget)");
        return sent.get();
    }

    private int concurrency(Channel channel) {
        return channel == Channel.EMAIL
                ? properties.email().concurrency()
                : properties.sms().concurrency();
    }

    /** The state one run of one campaign shares across its workers. */
    private record Run(
            Channel channel,
            UUID id,
            ChannelCampaigns.Header header,
            UUID parent,
            BigDecimal cost,
            long total,
            DispatchLeases.Lease lease,
            RunClaims claims,
            ProgressLog progress) {}

    /** The run, or none when the campaign is no longer sending or its campaign stopped it. */
    private @Nullable Run start(Channel channel, UUID id, DispatchLeases.Lease lease) {
        if (!channelCampaigns.isSending(channel, id)) {
            return null;
        }
        int interrupted = queue.markInterrupted(channel, id, clock.instant().minus(properties.claimLease()));
        if (interrupted > 0) {
            log.warn(
                    "{} campaign {}: {} messages were mid-send when a worker stopped; marked failed, not sent again",
                    channel.code(),
                    id,
                    interrupted);
        }
        ChannelCampaigns.Header header = channelCampaigns.header(channel, id);
        CampaignsForSending.SendingTerms parent = campaigns.terms(header.campaignId(), channel);
        if (!parent.sends()) {
            channelCampaigns.tryMove(
                    channel, id, MessageCampaignMove.PAUSE, "campaign_" + parent.status(), clock.instant());
            return null;
        }
        Map<String, Long> counts = queue.counts(channel, id);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long queued = counts.getOrDefault(SendStatus.queued(channel).code(), 0L);
        return new Run(
                channel,
                id,
                header,
                parent.campaignId(),
                parent.cost(),
                total,
                lease,
                new RunClaims(queued, concurrency(channel)),
                new ProgressLog(queued, clock));
    }

    private void work(TenantId tenant, Run run, Carrier.Prepared prepared, Bucket pace, AtomicInteger sent, int size)
            throws Exception {
        try (Carrier.Line line = prepared.open()) {
            List<SendOutcome> unrecorded = List.of();
            while (true) {
                SendQueue.Claim claim = recordAndClaim(tenant, run, unrecorded, size);
                if (claim.tookNothing()) {
                    return;
                }
                List<SendOutcome> outcomes = new ArrayList<>();
                List<QueuedSend> sends = claim.sends();
                for (int i = 0; i < sends.size(); i++) {
                    pace.asBlocking().consume(1);
                    outcomes.add(line.deliver(sends.get(i)));
                    // the batch's last outcomes go with the next claim, in its transaction
                    if (outcomes.size() == MARK_EVERY && i < sends.size() - 1) {
                        record(tenant, run, outcomes);
                        outcomes = new ArrayList<>();
                    }
                }
                unrecorded = outcomes;
                int total = sent.addAndGet(claim.sends().size());
                if (run.progress().due(total)) {
                    log.info("{} campaign {}: {} of {} processed", run.channel().code(), run.id(), total, run.total());
                }
            }
        }
    }

    /** Claims a batch while the campaign is sending, keeping only as many rows as the budget covers. */
    private SendQueue.Claim claim(Run run, int size) {
        if (!run.lease().renew()) {
            return SendQueue.Claim.NONE;
        }
        SendQueue.Claim claim = run.claims()
                .claim(size, (after, limit) -> queue.claim(run.channel(), run.id(), after, limit, clock.instant()));
        List<QueuedSend> batch = claim.sends();
        int covered = campaigns.reserve(run.parent(), run.channel(), run.cost(), batch.size());
        if (covered < batch.size()) {
            queue.release(run.channel(), batch.subList(covered, batch.size()));
            channelCampaigns.tryMove(
                    run.channel(), run.id(), MessageCampaignMove.PAUSE, "budget_exhausted", clock.instant());
            log.warn("{} campaign {}: budget exhausted; paused", run.channel().code(), run.id());
            return new SendQueue.Claim(batch.subList(0, covered), claim.reached());
        }
        return claim;
    }

    /**
     * Records the last batch's outcomes and claims the next batch in one transaction (one commit where there
     * were two). If that fails, the outcomes are recorded on their own before the failure goes on.
     */
    private SendQueue.Claim recordAndClaim(TenantId tenant, Run run, List<SendOutcome> outcomes, int size) {
        try {
            return transactions.inTransactionAs(tenant, () -> {
                SendQueue.Claim claim = claim(run, size);
                // recorded last: the template's usage row it counts reach on is shared by all the workers, and
                // stays locked from there to the commit
                recordIn(run, outcomes);
                return claim;
            });
        } catch (RuntimeException e) {
            if (!outcomes.isEmpty()) {
                record(tenant, run, outcomes);
            }
            throw e;
        }
    }

    private void record(TenantId tenant, Run run, List<SendOutcome> outcomes) {
        transactions.inTransactionAs(tenant, () -> recordIn(run, outcomes));
    }

    /** Records outcomes in the caller's transaction. */
    private void recordIn(Run run, List<SendOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        queue.mark(run.channel(), outcomes);
        campaigns.refund(run.parent(), run.cost(), (int)
                outcomes.stream().filter(SendOutcome::failed).count());
        effects.delivered(run.header(), outcomes);
    }
}
