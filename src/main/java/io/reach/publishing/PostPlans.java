package io.reach.publishing;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The workflow as the console's composer and approval queue use it: a post is written with the
 * local time it should go out (in the workspace's zone), kept on the draft as its planned time,
 * and approving it schedules it at that time while the time is still ahead.
 */
@Service
class PostPlans {

    private final PostWorkflow workflow;
    private final Posts posts;
    private final WorkspaceZone zone;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Clock clock;

    PostPlans(
            PostWorkflow workflow,
            Posts posts,
            WorkspaceZone zone,
            AuditTrail audit,
            TenantTransactions transactions,
            Clock clock) {
        this.workflow = workflow;
        this.posts = posts;
        this.zone = zone;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Creates the draft with its planned time (none: unplanned), submitting it for approval when asked; its id. */
    UUID compose(
            UserPrincipal author,
            @Nullable String title,
            List<PostWorkflow.VariantInput> variants,
            @Nullable LocalDateTime publishAt,
            boolean submit) {
        Instant at = publishAt == null ? null : zone.instantOf(publishAt);
        List<FieldError> timeProblems = at != null && !at.isAfter(clock.instant())
                ? List.of(new FieldError("scheduled_at", "must be in the future"))
                : List.of();
        return transactions.inTransaction(() -> {
            UUID id;
            try {
                id = workflow.create(author, title, variants);
            } catch (InvalidRequestException invalid) {
                List<FieldError> all = new ArrayList<>(invalid.errors());
                all.addAll(timeProblems);
                throw new InvalidRequestException(all.toArray(FieldError[]::new));
            }
            if (!timeProblems.isEmpty()) {
                throw new InvalidRequestException(timeProblems.toArray(FieldError[]::new));
            }
            if (at != null) {
                plan(author, id, at);
            }
            if (submit) {
                workflow.submit(author, id);
            }
            return id;
        });
    }

    /** Approves the post and, when its planned time is still ahead, schedules it then; the post as it is now. */
    Post approve(UserPrincipal approver, UUID id) {
        Post approved = workflow.approve(approver, id);
        Instant planned = approved.scheduledAt();
        if (planned == null || !planned.isAfter(clock.instant())) {
            return approved;
        }
        String plannedZone = approved.timeZone() == null ? "UTC" : approved.timeZone();
        return workflow.schedule(approver, id, planned, plannedZone);
    }

    /** Schedules an approved post at a wall-clock time in the workspace's zone. */
    Post schedule(UserPrincipal actor, UUID id, LocalDateTime publishAt) {
        return workflow.schedule(
                actor, id, zone.instantOf(publishAt), zone.zone().getId());
    }

    private void plan(UserPrincipal author, UUID id, Instant at) {
        Post before = posts.find(id).orElseThrow(() -> PostNotFound.forId(id));
        Post after = before.plan(at, zone.zone().getId(), clock.instant());
        if (!posts.save(before, after)) {
            throw new ConflictException("Concurrent change", "The post changed meanwhile; fetch it again and retry");
        }
        audit.record(
                TenantContext.require(),
                AuditEntry.byUser(author.userId(), "post.planned")
                        .on("post", id, "publishing.posts")
                        .values(Map.of("planned_at", at.toString())));
    }
}
