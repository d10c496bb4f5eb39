package io.reach.publishing;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.SocialDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One publish attempt of one job. A job is claimed before anything is sent, so it runs once
 * even when several nodes (or a retried task) reach it. After an attempt whose outcome is
 * unknown (a timeout: the platform may have published), the next attempt first asks the
 * platform whether the post is there. Retryable failures wait ({@link Backoff}, Retry-After) up
 * to five attempts; terminal ones fail at once; a job more than {@code max-overdue} late is
 * missed, not sent late. Each platform gets at most {@code per-platform-concurrency} calls at once;
 * a claimed job waiting for its platform's slot keeps its heartbeat ({@link RunningJobs}), as it does
 * while it runs (the claim says which platform, so a job costs no read before it); if the sweep took it
 * back anyway, this runner sends nothing once it notices, and its finish is refused (the attempt has
 * moved on).
 */
@Component
class PublishRunner {

    static final int MAX_ATTEMPTS = 5;
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
        this.running = running;
        this.publications = publications;
        this.socialPosts = socialPosts;
        this.jobs = jobs;
        this.posts = posts;
        this.social = social;
        this.scheduling = scheduling;
        this.transactions = transactions;
        this.backoff = new Backoff(retryBase, retryCap);
        this.maxOverdue = maxOverdue;
        this.perPlatform = perPlatform;
        this.clock = clock;
    }

    void run(TenantId tenant, UUID jobId) {
        Optional<PublishJobs.Job> claimed =
                transactions.inTransactionAs(tenant, () -> jobs.claim(jobId, clock.instant()));
        if (claimed.isEmpty()) {
            return;
        }
        RunningJobs.Held held = running.hold(tenant, claimed.get());
        try {
            Semaphore slot = slots.computeIfAbsent(claimed.get().platform(), name -> new Semaphore(perPlatform));
            slot.acquireUninterruptibly();
            try {
                claimedRun(tenant, claimed.get(), held);
            } finally {
                slot.release();
            }
        } finally {
            running.release(held);
        }
    }

    private void claimedRun(TenantId tenant, PublishJobs.Job job, RunningJobs.Held held) {
        if (clock.instant().isAfter(job.scheduledAt().plus(maxOverdue))) {
            conclude(
                    tenant,
                    job,
                    PublishJobStatus.MISSED,
                    PublishOutcome.MISSED,
                    null,
                    null,
                    "More than "
                            + maxOverdue.toHours()
                            + " hours late (Reach was down or the job was held up); not sent late",
                    null,
                    null);
            return;
        }
        attempt(tenant, job, held);
    }

    /**
     * Looks the post up (when the last attempt's outcome was unknown) or publishes it, then records
     * the result. An unexpected error counts as unknown, so the next attempt looks before it
     * sends; recording happens outside the platform call's error handling, so a failure to record
     * never leads to a second publication (the job stays running and the sweep looks it up).
     */
    private void attempt(TenantId tenant, PublishJobs.Job job, RunningJobs.Held held) {
        Publication publication;
        Optional<String> found;
        String providerId;
        try {
            publication = publications.of(job);
            if (!running.stillHeld(held)) {
                log.warn(
                        "Publish job {} (attempt {}) was taken back while it waited here; not sending it",
                        job.id(),
                        job.attempt());
                return;
            }
            found = job.lookupFirst()
                    ? TenantContext.callAs(
                            tenant, () -> social.findPublished(job.socialAccountId(), publication, job.scheduledAt()))
                    : Optional.empty();
            providerId = found.isPresent()
                    ? found.get()
                    : TenantContext.callAs(tenant, () -> social.publish(job.socialAccountId(), publication));
        } catch (PlatformError e) {
            failed(tenant, job, e.kind(), e.httpStatus(), e.getMessage(), e.retryAfter());
            return;
        } catch (RuntimeException e) {
            log.warn("Publish job {} failed unexpectedly", job.id(), e);
            // The message may quote whatever a remote host answered; the log keeps it, the job only its kind.
            failed(
                    tenant,
                    job,
                    PlatformError.Kind.UNKNOWN,
                    null,
                    "Unexpected error (" + e.getClass().getSimpleName() + "); the server log has the details",
                    null);
            return;
        }
        PublishOutcome outcome = found.isPresent() ? PublishOutcome.FOUND : PublishOutcome.PUBLISHED;
        conclude(tenant, job, PublishJobStatus.SUCCESS, outcome, providerId, null, null, null, publication);
    }

    private void failed(
            TenantId tenant,
            PublishJobs.Job job,
            PlatformError.Kind kind,
            @Nullable Integer status,
            String message,
            @Nullable Duration retryAfter) {
        PublishOutcome outcome = PublishOutcome.of(kind);
        if (kind == PlatformError.Kind.TERMINAL || job.attempt() >= MAX_ATTEMPTS) {
            String reason = kind == PlatformError.Kind.TERMINAL
                    ? message
                    : message + " (gave up after " + job.attempt() + " attempts)";
            conclude(tenant, job, PublishJobStatus.FAILED, outcome, null, status, reason, kind, null);
            return;
        }
        Instant next = clock.instant().plus(backoff.after(job.attempt(), retryAfter));
        boolean lookupFirst = job.lookupFirst() || kind == PlatformError.Kind.UNKNOWN;
        boolean finished = transactions.inTransactionAs(tenant, () -> {
            PublishJobs.AttemptEnd retry = PublishJobs.AttemptEnd.retry(message, kind, status, next, lookupFirst);
            return jobs.finish(job.id(), job.attempt(), retry, outcome, clock.instant());
        });
        if (finished) {
            scheduling.at(tenant, job.id(), job.attempt() + 1, next);
        } else {
            refused(job, outcome.code());
        }
    }

    private void conclude(
            TenantId tenant,
            PublishJobs.Job job,
            PublishJobStatus status,
            PublishOutcome outcome,
            @Nullable String providerId,
            @Nullable Integer httpStatus,
            @Nullable String error,
            PlatformError.@Nullable Kind kind,
            @Nullable Publication publication) {
        Instant now = clock.instant();
        boolean finished = transactions.inTransactionAs(tenant, () -> {
            if (!jobs.finish(
                    job.id(),
                    job.attempt(),
                    PublishJobs.AttemptEnd.settled(status, providerId, error, kind, httpStatus, now),
                    outcome,
                    now)) {
                return false;
            }
            if (providerId != null && publication != null) {
                socialPosts.record(job, publication, providerId, now);
            }
            // the post is locked before its jobs are read: two variants finishing together each saw the
            // other still running (neither commit visible) and the post stayed scheduled for ever
            posts.lockForSettling(job.postId());
            posts.settle(job.postId(), now);
            return true;
        });
        if (!finished) {
            refused(job, outcome.code() + (providerId == null ? "" : " as " + providerId));
        }
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
