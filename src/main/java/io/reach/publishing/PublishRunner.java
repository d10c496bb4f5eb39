package io.reach.publishing;

import io.reach.platform.concurrent.GroupCommit;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.SocialDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs publish jobs: a workspace's due ones together ({@link #runDue}, the due run of {@link
 * PublishScheduling}), or one on its own ({@link #run}). A job is claimed before anything is sent, so it runs
 * once even when several nodes (or a retried task) reach it. After an attempt whose outcome is unknown (a
 * timeout: the platform may have published), the next attempt first asks the platform whether the post is
 * there. Retryable failures wait ({@link Backoff}, Retry-After) up to five attempts; terminal ones fail at
 * once; a job more than {@code max-overdue} late is missed, not sent late. Each platform gets at most {@code
 * per-platform-concurrency} calls at once; a claimed job keeps its heartbeat ({@link RunningJobs}) while it
 * waits and runs; if the sweep took it back anyway, this runner sends nothing once it notices, and its
 * finish is refused (the attempt has moved on). Beats and conclusions that happen at the same moment share
 * a transaction ({@link GroupCommit}).
 */
@Component
class PublishRunner {

    static final int MAX_ATTEMPTS = 5;
    /** The most due jobs one statement claims, and one transaction concludes. */
    static final int BATCH = 100;
    /**
     * The longest a runner sends after it last confirmed the job is still its attempt's: far below the
     * sweep's {@code stale-after} (minutes), so a job is never sent after it could have been taken back.
     */
    static final Duration CONFIRMED_FOR = Duration.ofSeconds(1);
    /** How many conclusion transactions of one tenant may run at once. */
    static final int CONCLUDING_LANES = 2;
    /** The most claimed jobs one due run has on its way at once. */
    static final int IN_FLIGHT = 1000;

    private static final java.util.concurrent.ThreadFactory JOB_THREADS =
            Thread.ofVirtual().name("publish-job-", 0).factory();
    private static final Logger log = LoggerFactory.getLogger(PublishRunner.class);

    private final PublishJobs jobs;
    private final Posts posts;
    private final SocialDirectory social;
    private final PublishScheduling scheduling;
    private final TenantTransactions transactions;
    private final Backoff backoff;
    private final Duration maxOverdue;
    private final int perPlatform;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Publications publications;
    private final SocialPosts socialPosts;
    private final RunningJobs running;
    private final Duration confirmedFor;
    private final Map<Lane, GroupCommit<Conclusion, Boolean>> concluders = new ConcurrentHashMap<>();

    @Autowired
    PublishRunner(
            PublishJobs jobs,
            Posts posts,
            SocialDirectory social,
            PublishScheduling scheduling,
            TenantTransactions transactions,
            @Value("${reach.publishing.retry-base:60s}") Duration retryBase,
            @Value("${reach.publishing.retry-cap:1h}") Duration retryCap,
            @Value("${reach.publishing.max-overdue:48h}") Duration maxOverdue,
            @Value("${reach.publishing.per-platform-concurrency:4}") int perPlatform,
            Clock clock,
            Publications publications,
            SocialPosts socialPosts,
            RunningJobs running) {
        this(
                jobs,
                posts,
                social,
                scheduling,
                transactions,
                new Backoff(retryBase, retryCap),
                maxOverdue,
                perPlatform,
                clock,
                publications,
                socialPosts,
                running,
                CONFIRMED_FOR);
    }

    /** As above, with the backoff made and the longest send after a confirmation ({@link #CONFIRMED_FOR}) given. */
    PublishRunner(
            PublishJobs jobs,
            Posts posts,
            SocialDirectory social,
            PublishScheduling scheduling,
            TenantTransactions transactions,
            Backoff backoff,
            Duration maxOverdue,
            int perPlatform,
            Clock clock,
            Publications publications,
            SocialPosts socialPosts,
            RunningJobs running,
            Duration confirmedFor) {
        this.confirmedFor = confirmedFor;
        this.running = running;
        this.publications = publications;
        this.socialPosts = socialPosts;
        this.jobs = jobs;
        this.posts = posts;
        this.social = social;
        this.scheduling = scheduling;
        this.transactions = transactions;
        this.backoff = backoff;
        this.maxOverdue = maxOverdue;
        this.perPlatform = perPlatform;
        this.clock = clock;
    }

    /** Runs one job, if it is still to be run (a task of its own: the fallback of {@link PublishScheduling}). */
    void run(TenantId tenant, UUID jobId) {
        transactions
                .inTransactionAs(tenant, () -> jobs.claim(jobId, clock.instant()))
                .ifPresent(job -> runOne(tenant, job, new ConcurrentHashMap<>()));
    }

    /**
     * Runs the tenant's due jobs until none is left, side by side (each platform's concurrency limit holds):
     * claimed {@value #BATCH} at a time, the next batch as soon as there is room for it (at most
     * {@value #IN_FLIGHT} at once), each account's credentials read once. Returns when the next waiting job
     * falls due, if one waits.
     */
    Optional<Instant> runDue(TenantId tenant) {
        Map<UUID, SocialDirectory.Publisher> publishers = new ConcurrentHashMap<>();
        Semaphore room = new Semaphore(IN_FLIGHT);
        Instant claimedAt;
        int claimedNow;
        try (ExecutorService each = Executors.newThreadPerTaskExecutor(JOB_THREADS)) {
            do {
                room.acquireUninterruptibly(BATCH);
                Instant at = clock.instant();
                List<PublishJobs.Job> claimed = transactions.inTransactionAs(tenant, () -> jobs.claimDue(at, BATCH));
                if (claimed.size() < BATCH) {
                    room.release(BATCH - claimed.size());
                }
                for (PublishJobs.Job job : claimed) {
                    each.execute(() -> {
                        try {
                            runOne(tenant, job, publishers);
                        } catch (RuntimeException e) {
                            log.error("Publish job {} stopped unexpectedly; the sweep takes it back", job.id(), e);
                        } finally {
                            room.release();
                        }
                    });
                }
                claimedAt = at;
                claimedNow = claimed.size();
            } while (claimedNow >= BATCH);
        }
        Instant after = claimedAt;
        return transactions.inTransactionAs(tenant, () -> jobs.nextDue(after));
    }

    private void runOne(TenantId tenant, PublishJobs.Job job, Map<UUID, SocialDirectory.Publisher> publishers) {
        RunningJobs.Held held = running.hold(tenant, job);
        try {
            Ending ending;
            if (clock.instant().isAfter(job.scheduledAt().plus(maxOverdue))) {
                ending = Settled.missed("More than " + maxOverdue.toHours()
                        + " hours late (Reach was down or the job was held up); not sent late");
            } else {
                ending = attempt(
                        tenant, job, held, publishers.computeIfAbsent(job.socialAccountId(), social::publisher));
            }
            switch (ending) {
                case Settled settled -> conclude(tenant, job, settled);
                case Failed failed -> failed(tenant, job, failed);
                case TakenBack takenBack -> {}
            }
        } finally {
            running.release(held);
        }
    }

    /** What an attempt came to; recorded after the platform's slot is free again. */
    private sealed interface Ending permits Settled, Failed, TakenBack {}

    /** The job is done: published (or found published), failed for good, or missed. */
    private record Settled(
            PublishJobStatus status,
            PublishOutcome outcome,
            @Nullable String providerId,
            @Nullable Integer httpStatus,
            @Nullable String error,
            PlatformError.@Nullable Kind kind,
            @Nullable Publication publication)
            implements Ending {

        static Settled published(PublishOutcome outcome, String providerId, Publication publication) {
            return new Settled(PublishJobStatus.SUCCESS, outcome, providerId, null, null, null, publication);
        }

        static Settled missed(String reason) {
            return new Settled(PublishJobStatus.MISSED, PublishOutcome.MISSED, null, null, reason, null, null);
        }

        PublishJobs.AttemptEnd end(Instant now) {
            return PublishJobs.AttemptEnd.settled(status, providerId, error, kind, httpStatus, now);
        }
    }

    /** The platform refused or could not be asked: tried again later, or failed for good ({@link #failed}). */
    private record Failed(
            PlatformError.Kind kind,
            @Nullable Integer httpStatus,
            String message,
            @Nullable Duration retryAfter) implements Ending {}

    /** The job was taken back before anything was sent: nothing to record, the newer attempt decides. */
    private record TakenBack() implements Ending {}

    /**
     * Looks the post up (when the last attempt's outcome was unknown) or publishes it, in one of the platform's
     * slots. Before that the runner makes sure the job is still its own: it beats (with the runners beating
     * at the same moment, in one transaction), and beats again if the wait for the slot took longer than
     * {@link #CONFIRMED_FOR} — so nothing is sent more than that after the job was last confirmed this
     * attempt's. An unexpected error counts as unknown, so the next attempt looks before it sends; recording
     * happens after, outside the platform call's error handling, so a failure to record never leads to a
     * second publication (the job stays running and the sweep looks it up).
     */
    private Ending attempt(
            TenantId tenant, PublishJobs.Job job, RunningJobs.Held held, SocialDirectory.Publisher publisher) {
        try {
            Publication publication = publications.of(job);
            if (!running.stillHeld(held)) {
                return takenBack(job);
            }
            long confirmed = System.nanoTime();
            Semaphore slot = slots.computeIfAbsent(job.platform(), name -> new Semaphore(perPlatform));
            slot.acquireUninterruptibly();
            try {
                if (System.nanoTime() - confirmed > confirmedFor.toNanos() && !running.stillHeld(held)) {
                    return takenBack(job);
                }
                Optional<String> found = job.lookupFirst()
                        ? TenantContext.callAs(tenant, () -> publisher.findPublished(publication, job.scheduledAt()))
                        : Optional.empty();
                if (found.isPresent()) {
                    return Settled.published(PublishOutcome.FOUND, found.get(), publication);
                }
                String providerId = TenantContext.callAs(tenant, () -> publisher.publish(publication));
                return Settled.published(PublishOutcome.PUBLISHED, providerId, publication);
            } finally {
                slot.release();
            }
        } catch (PlatformError e) {
            return new Failed(e.kind(), e.httpStatus(), e.getMessage(), e.retryAfter());
        } catch (RuntimeException e) {
            log.warn("Publish job {} failed unexpectedly", job.id(), e);
            // The message may quote whatever a remote host answered; the log keeps it, the job only its kind.
            return new Failed(
                    PlatformError.Kind.UNKNOWN,
                    null,
                    "Unexpected error (" + e.getClass().getSimpleName() + "); the server log has the details",
                    null);
        }
    }

    private static TakenBack takenBack(PublishJobs.Job job) {
        log.warn(
                "Publish job {} (attempt {}) was taken back while it waited here; not sending it",
                job.id(),
                job.attempt());
        return new TakenBack();
    }

    private void failed(TenantId tenant, PublishJobs.Job job, Failed failure) {
        PlatformError.Kind kind = failure.kind();
        PublishOutcome outcome = PublishOutcome.of(kind);
        if (kind == PlatformError.Kind.TERMINAL || job.attempt() >= MAX_ATTEMPTS) {
            String reason = kind == PlatformError.Kind.TERMINAL
                    ? failure.message()
                    : failure.message() + " (gave up after " + job.attempt() + " attempts)";
            conclude(
                    tenant,
                    job,
                    new Settled(PublishJobStatus.FAILED, outcome, null, failure.httpStatus(), reason, kind, null));
            return;
        }
        Instant next = clock.instant().plus(backoff.after(job.attempt(), failure.retryAfter()));
        boolean lookupFirst = job.lookupFirst() || kind == PlatformError.Kind.UNKNOWN;
        boolean finished = transactions.inTransactionAs(tenant, () -> {
            PublishJobs.AttemptEnd retry =
                    PublishJobs.AttemptEnd.retry(failure.message(), kind, failure.httpStatus(), next, lookupFirst);
            return jobs.finish(job.id(), job.attempt(), retry, outcome, clock.instant());
        });
        if (finished) {
            scheduling.at(tenant, job.id(), job.attempt() + 1, next);
        } else {
            refused(job, outcome.code());
        }
    }

    /**
     * A settled attempt: recorded with the others settling at this moment, in one transaction. A tenant's
     * conclusions go in {@value #CONCLUDING_LANES} lanes, so that many transactions run side by side; a
     * post's jobs always take the same lane, so one post's variants settle one after the other.
     */
    private void conclude(TenantId tenant, PublishJobs.Job job, Settled settled) {
        Lane lane = new Lane(tenant, Math.floorMod(job.postId().hashCode(), CONCLUDING_LANES));
        boolean finished = concluders
                .computeIfAbsent(
                        lane, l -> new GroupCommit<>(together -> concludeTogether(l.tenant(), together), BATCH))
                .apply(new Conclusion(job, settled));
        if (!finished) {
            String provider = settled.providerId();
            refused(job, settled.outcome().code() + (provider == null ? "" : " as " + provider));
        }
    }

    private record Conclusion(PublishJobs.Job job, Settled settled) {}

    private record Lane(TenantId tenant, int number) {}

    /**
     * Ends the attempts, records what was published, and settles the posts, all in one transaction; whether
     * each attempt was still its job's (the ones that were not record nothing).
     */
    private List<Boolean> concludeTogether(TenantId tenant, List<Conclusion> together) {
        Instant now = clock.instant();
        return transactions.inTransactionAs(tenant, () -> {
            List<Boolean> finished = jobs.finishAll(
                    together.stream()
                            .map(one -> new PublishJobs.Ending(
                                    one.job().id(),
                                    one.job().attempt(),
                                    one.settled().end(now),
                                    one.settled().outcome()))
                            .toList(),
                    now);
            List<SocialPosts.Published> published = new ArrayList<>();
            Set<UUID> settling = new LinkedHashSet<>();
            for (int i = 0; i < together.size(); i++) {
                Conclusion one = together.get(i);
                if (!finished.get(i)) {
                    continue;
                }
                settling.add(one.job().postId());
                String providerId = one.settled().providerId();
                Publication publication = one.settled().publication();
                if (providerId != null && publication != null) {
                    published.add(new SocialPosts.Published(one.job(), publication, providerId));
                }
            }
            socialPosts.record(published, now);
            if (!settling.isEmpty()) {
                // the posts are locked before their jobs are read: two variants finishing together each saw the
                // other still running (neither commit visible) and the post stayed scheduled for ever
                posts.settle(posts.lockScheduled(settling), now);
            }
            return finished;
        });
    }

    /**
     * The job was taken back and claimed again while this attempt ran, so its end is not recorded:
     * the newer attempt owns the job, and it looks the post up before sending (the sweep asks it to).
     */
    private static void refused(PublishJobs.Job job, String outcome) {
        log.warn(
                "Publish job {} ended attempt {} ({}) after the job was taken back; the newer attempt decides",
                job.id(),
                job.attempt(),
                outcome);
    }
}
