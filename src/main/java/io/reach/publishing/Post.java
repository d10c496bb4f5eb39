package io.reach.publishing;

import io.reach.platform.web.ConflictException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A post's workflow state, with the transitions it allows: a draft is submitted, a submitted post
 * is approved (by someone else when approval is required) or sent back to draft with a reason, an
 * approved post is scheduled, and a post not yet published can be cancelled.
 */
record Post(
        UUID id,
        UUID createdBy,
        @Nullable String title,
        PostStatus status,
        @Nullable Instant submittedAt,
        @Nullable UUID approvedBy,
        @Nullable Instant approvedAt,
        @Nullable String rejectionReason,
        @Nullable Instant scheduledAt,
        @Nullable String timeZone,
        @Nullable Instant publishedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** New content for a post not yet scheduled: it goes back to draft and needs submitting (and approving) again. */
    Post edit(@Nullable String newTitle, Instant now) {
        require(
                status == PostStatus.DRAFT || status == PostStatus.SUBMITTED || status == PostStatus.APPROVED,
                "A " + status.code() + " post cannot be edited"
                        + (status == PostStatus.SCHEDULED ? "; cancel it first" : ""));
        return new Post(
                id,
                createdBy,
                newTitle,
                PostStatus.DRAFT,
                null,
                null,
                null,
                null,
                scheduledAt,
                timeZone,
                publishedAt,
                createdAt,
                now);
    }

    /** Whether the post may be deleted: anything but a scheduled post (whose jobs may be running). */
    void requireDeletable() {
        require(status != PostStatus.SCHEDULED, "A scheduled post cannot be deleted; cancel it first");
    }

    Post submit(Instant now) {
        require(status == PostStatus.DRAFT, "Only a draft can be submitted");
        return with(PostStatus.SUBMITTED, now, null, null, null, scheduledAt, timeZone, now);
    }

    Post approve(UUID approver, boolean approvalRequired, Instant now) {
        require(status == PostStatus.SUBMITTED || status == PostStatus.DRAFT, "Only a submitted post can be approved");
        require(status == PostStatus.SUBMITTED || !approvalRequired, "Submit the post for approval first");
        require(!approvalRequired || !approver.equals(createdBy), "Nobody approves their own post");
        return with(PostStatus.APPROVED, submittedAt, approver, now, null, scheduledAt, timeZone, now);
    }

    Post reject(String reason, Instant now) {
        require(status == PostStatus.SUBMITTED, "Only a submitted post can be sent back");
        return with(PostStatus.DRAFT, null, null, null, reason, scheduledAt, timeZone, now);
    }

    Post schedule(Instant at, @Nullable String zone, Instant now) {
        require(
                status == PostStatus.APPROVED || status == PostStatus.SCHEDULED,
                "Approve the post before scheduling it");
        require(at.isAfter(now), "The time to publish must be in the future");
        return with(PostStatus.SCHEDULED, submittedAt, approvedBy, approvedAt, null, at, zone, now);
    }

    /** The time a draft or submitted post is meant to go out; approving it schedules it then. */
    Post plan(Instant at, String zone, Instant now) {
        require(
                status == PostStatus.DRAFT || status == PostStatus.SUBMITTED,
                "Only a draft or a submitted post gets a planned time");
        require(at.isAfter(now), "The time to publish must be in the future");
        return with(status, submittedAt, approvedBy, approvedAt, rejectionReason, at, zone, now);
    }

    Post cancel(Instant now) {
        require(
                status != PostStatus.PUBLISHED && status != PostStatus.CANCELLED,
                "A " + status.code() + " post cannot be cancelled");
        return with(
                PostStatus.CANCELLED, submittedAt, approvedBy, approvedAt, rejectionReason, scheduledAt, timeZone, now);
    }

    private Post with(
            PostStatus newStatus,
            @Nullable Instant submitted,
            @Nullable UUID approver,
            @Nullable Instant approved,
            @Nullable String reason,
            @Nullable Instant scheduled,
            @Nullable String zone,
            Instant now) {
        return new Post(
                id,
                createdBy,
                title,
                newStatus,
                submitted,
                approver,
                approved,
                reason,
                scheduled,
                zone,
                publishedAt,
                createdAt,
                now);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConflictException("Not allowed now", message);
        }
    }
}
