package io.reach.publishing;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.reach.social.SocialChannel;
import io.reach.social.SocialDirectory;
import io.reach.tenancy.TenantManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Creating posts (each variant checked against its platform's limits, with an error per
 * variant) and moving them through the workflow. Whether approval is required is the tenant
 * setting {@code require_post_approval} (true unless set to false); only owners and admins approve.
 */
@Service
class PostWorkflow {

    private final Posts posts;
    private final SocialDirectory social;
    private final TenantManagement tenants;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final PublishJobs jobs;
    private final PublishScheduling scheduling;

    PostWorkflow(
            PublishJobs jobs,
            PublishScheduling scheduling,
            Posts posts,
            SocialDirectory social,
            TenantManagement tenants,
            AuditTrail audit,
            TenantTransactions transactions,
            Clock clock) {
        this.jobs = jobs;
        this.scheduling = scheduling;
        this.posts = posts;
        this.social = social;
        this.tenants = tenants;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record VariantInput(
            UUID socialAccountId,
            String text,
            List<SocialChannel.Media> media,
            JsonNode mediaRefs,
            JsonNode metadata) {}

    UUID create(UserPrincipal author, @Nullable String title, List<VariantInput> variants) {
        List<Posts.NewVariant> accepted = checked(variants);
        return transactions.inTransaction(() -> {
            UUID id = posts.create(author.userId(), title, accepted, clock.instant());
            record(author, "post.created", id, Map.of("variants", accepted.size()));
            return id;
        });
    }

    /** Replaces the title and variants of a post not yet scheduled; it goes back to draft. */
    Post edit(UserPrincipal actor, UUID id, @Nullable String title, List<VariantInput> variants) {
        transactions.inTransaction(() -> posts.find(id)).orElseThrow(() -> PostNotFound.forId(id));
        List<Posts.NewVariant> accepted = checked(variants);
        return change(actor, id, "post.edited", post -> {
            Post edited = post.edit(title, clock.instant());
            posts.replaceVariants(id, accepted, clock.instant());
            return edited;
        });
    }

    void delete(UserPrincipal actor, UUID id) {
        transactions.inTransaction(() -> {
            Post post = posts.find(id).orElseThrow(() -> PostNotFound.forId(id));
            post.requireDeletable();
            if (jobs.ofPost(id).stream().anyMatch(job -> job.state() == PublishJobStatus.RUNNING)) {
                throw new ConflictException(
                        "Not allowed now", "A job of this post is publishing right now; try again shortly");
            }
            posts.delete(id);
            record(actor, "post.deleted", id, Map.of("status", post.status().code()));
        });
    }

    /** The variants, each checked against its account's platform; every problem is a field error. */
    private List<Posts.NewVariant> checked(List<VariantInput> variants) {
        List<FieldError> problems = new ArrayList<>();
        List<Posts.NewVariant> accepted = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantInput variant = variants.get(i);
            String prefix = "variants[" + i + "].";
            var account = social.account(variant.socialAccountId());
            if (account.isEmpty()) {
                problems.add(
                        new FieldError(prefix + "social_account_id", "is not a connected account of this workspace"));
                continue;
            }
            account.get()
                    .channel()
                    .problemsWith(new SocialChannel.Variant(variant.text(), variant.media()))
                    .forEach(problem -> problems.add(new FieldError(prefix + problem.field(), problem.message())));
            accepted.add(new Posts.NewVariant(
                    variant.socialAccountId(),
                    account.get().platform(),
                    variant.text(),
                    variant.mediaRefs(),
                    variant.metadata()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.toArray(FieldError[]::new));
        }
        return accepted;
    }

    Post submit(UserPrincipal actor, UUID id) {
        return change(actor, id, "post.submitted", post -> post.submit(clock.instant()));
    }

    Post approve(UserPrincipal actor, UUID id) {
        requireApprover(actor);
        return change(
                actor, id, "post.approved", post -> post.approve(actor.userId(), approvalRequired(), clock.instant()));
    }

    Post reject(UserPrincipal actor, UUID id, String reason) {
        requireApprover(actor);
        return change(actor, id, "post.rejected", post -> post.reject(reason, clock.instant()));
    }

    /** Schedules the post and plans one publish job per variant, in the same transaction. */
    Post schedule(UserPrincipal actor, UUID id, Instant at, String zone) {
        boolean required = approvalRequired();
        List<UUID> planned = new ArrayList<>();
        Post scheduled = change(actor, id, "post.scheduled", post -> {
            Post ready = !required && (post.status() == PostStatus.DRAFT || post.status() == PostStatus.SUBMITTED)
                    ? post.approve(actor.userId(), false, clock.instant())
                    : post;
            Post next = ready.schedule(at, zone, clock.instant());
            for (Posts.Variant variant : posts.variants(id)) {
                jobs.plan(id, variant.id(), variant.socialAccountId(), variant.platform(), at, clock.instant())
                        .ifPresent(planned::add);
            }
            return next;
        });
        scheduling.at(TenantContext.require(), planned, 0, at);
        return scheduled;
    }

    Post cancel(UserPrincipal actor, UUID id) {
        return change(actor, id, "post.cancelled", post -> {
            jobs.cancelOpen(id, clock.instant());
            return post.cancel(clock.instant());
        });
    }

    private Post change(UserPrincipal actor, UUID id, String action, UnaryOperator<Post> transition) {
        return transactions.inTransaction(() -> {
            Post before = posts.find(id).orElseThrow(() -> PostNotFound.forId(id));
            Post after = transition.apply(before);
            if (!posts.save(before, after)) {
                throw new ConflictException(
                        "Concurrent change", "The post changed meanwhile; fetch it again and retry");
            }
            record(
                    actor,
                    action,
                    id,
                    Map.of("from", before.status().code(), "to", after.status().code()));
            return after;
        });
    }

    /** A post with its variants. */
    record PostDetails(Post post, List<Posts.Variant> variants) {}

    /** A variant's publish job with its attempts, oldest first. */
    record JobProgress(PublishJobs.Job job, List<PublishJobs.Attempt> attempts) {}

    PostDetails details(UUID id) {
        return transactions.inTransaction(() -> {
            Post post = posts.find(id).orElseThrow(() -> PostNotFound.forId(id));
            return new PostDetails(post, posts.variants(id));
        });
    }

    /** Posts by status (null: any) and scheduled time, a page at a time. */
    CursorPage<Post> posts(
            PageRequest page, @Nullable PostStatus status, @Nullable Instant from, @Nullable Instant to) {
        return transactions.inTransaction(() ->
                CursorPage.of(posts.page(page.afterOrStart(), page.fetchSize(), status, from, to), page, Post::id));
    }

    /** Submitted posts the approver may approve (never their own); only owners and admins approve. */
    CursorPage<Post> awaitingApproval(UserPrincipal approver, PageRequest page) {
        requireApprover(approver);
        return transactions.inTransaction(() -> CursorPage.of(
                posts.awaitingApproval(page.afterOrStart(), page.fetchSize(), approver.userId()), page, Post::id));
    }

    /** Each variant's publish job of a post, with its attempts. */
    List<JobProgress> jobs(UUID postId) {
        return transactions.inTransaction(() -> {
            posts.find(postId).orElseThrow(() -> PostNotFound.forId(postId));
            return jobs.ofPost(postId).stream()
                    .map(job -> new JobProgress(job, jobs.attempts(job.id())))
                    .toList();
        });
    }

    private void requireApprover(UserPrincipal actor) {
        actor.requireOwnerOrAdmin("approve posts");
    }

    private boolean approvalRequired() {
        Object setting = tenants.get(TenantContext.require().value()).settings().get("require_post_approval");
        return !Boolean.FALSE.equals(setting);
    }

    private void record(UserPrincipal actor, String action, UUID postId, Map<String, ?> values) {
        audit.record(
                TenantContext.require(),
                AuditEntry.byUser(actor.userId(), action)
                        .on("post", postId, "publishing.posts")
                        .values(values));
    }
}
