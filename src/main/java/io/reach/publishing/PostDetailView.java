package io.reach.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** A post as its console page shows it: status, times in the workspace's zone, variants, and each job's attempts. */
@Component
public class PostDetailView {

    /** An attempt to publish, with the platform's own words when it refused. */
    public record AttemptRow(
            String at,
            String outcome,
            @Nullable Integer httpStatus,
            @Nullable String response) {}

    /** A variant's publish job. */
    public record JobRow(
            String account,
            String platform,
            String status,
            int attempts,
            @Nullable String platformPostId,
            @Nullable String lastError,
            @Nullable Integer lastHttpStatus,
            String publishedAt,
            String nextAttemptAt,
            List<AttemptRow> tries) {}

    /** A variant: the account it is for, its text and its media's addresses. */
    public record VariantRow(String account, String platform, String text, List<String> media) {}

    /** The post. */
    public record Detail(
            UUID id,
            String title,
            String status,
            String statusClass,
            String code,
            String scheduledAt,
            String publishedAt,
            String submittedAt,
            @Nullable String rejectionReason,
            String zone,
            List<VariantRow> variants,
            List<JobRow> jobs) {

        public boolean is(String statusCode) {
            return code.equals(statusCode);
        }
    }

    private final PostWorkflow workflow;
    private final WritableAccounts accounts;
    private final WorkspaceZone zone;

    PostDetailView(PostWorkflow workflow, WritableAccounts accounts, WorkspaceZone zone) {
        this.workflow = workflow;
        this.accounts = accounts;
        this.zone = zone;
    }

    /** The post; {@link PostNotFound} when the workspace has no such post. */
    Detail of(UUID id) {
        PostWorkflow.PostDetails details = workflow.details(id);
        Post post = details.post();
        Function<UUID, String> name = WritableAccounts.labeller(accounts.labels());
        return new Detail(
                post.id(),
                PostLabels.titleOf(post),
                PostLabels.of(post.status()),
                PostLabels.cssClass(post.status()),
                post.status().code(),
                zone.shown(post.scheduledAt()),
                zone.shown(post.publishedAt()),
                zone.shown(post.submittedAt()),
                post.rejectionReason(),
                zone.zone().getId(),
                details.variants().stream()
                        .map(variant -> new VariantRow(
                                name.apply(variant.socialAccountId()),
                                variant.platform(),
                                variant.text(),
                                urls(variant.mediaRefs())))
                        .toList(),
                workflow.jobs(id).stream().map(progress -> job(progress, name)).toList());
    }

    private JobRow job(PostWorkflow.JobProgress progress, Function<UUID, String> name) {
        PublishJobs.Job job = progress.job();
        Instant next = job.state() == PublishJobStatus.RETRY ? job.nextAttemptAt() : null;
        return new JobRow(
                name.apply(job.socialAccountId()),
                job.platform(),
                job.status(),
                job.attempt(),
                job.providerJobId(),
                job.lastError(),
                job.lastHttpStatus(),
                zone.shown(job.publishedAt()),
                zone.shown(next),
                progress.attempts().stream()
                        .map(attempt -> new AttemptRow(
                                zone.shown(attempt.attemptedAt()),
                                attempt.outcome(),
                                attempt.httpStatus(),
                                attempt.responseExcerpt()))
                        .toList());
    }

    private static List<String> urls(JsonNode refs) {
        return refs.valueStream()
                .filter(ref -> ref.hasNonNull("url"))
                .map(ref -> ref.get("url").asString())
                .toList();
    }
}
