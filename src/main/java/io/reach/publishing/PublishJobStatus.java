package io.reach.publishing;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import io.reach.platform.CheckSet;

/**
 * A publish job's state, with the moves each allows: waiting (pending, or retry after a failed
 * attempt) until a runner claims it (running); an attempt ends in success, failed, missed (too late
 * to send) or retry; a waiting job can be cancelled, and a cancelled or waiting one planned again.
 * The statements of {@link PublishJobs} make these moves with conditional updates.
 */
@CheckSet(table = "publishing.publish_jobs", column = "status")
enum PublishJobStatus {
    PENDING, RUNNING, RETRY, SUCCESS, FAILED, MISSED, CANCELLED;

    private static final Map<PublishJobStatus, Set<PublishJobStatus>> NEXT = Map.of(
            PENDING, Set.of(PENDING, RUNNING, CANCELLED),
            RETRY, Set.of(PENDING, RUNNING, CANCELLED),
            CANCELLED, Set.of(PENDING),
            RUNNING, Set.of(SUCCESS, FAILED, MISSED, RETRY),
            SUCCESS, Set.of(),
            FAILED, Set.of(),
            MISSED, Set.of());

    boolean canMoveTo(PublishJobStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Not settled yet: waiting for a runner or being run. */
    boolean open() {
        return this == PENDING || this == RUNNING || this == RETRY;
    }

    /** How an attempt may end. */
    boolean endsAnAttempt() {
        return RUNNING.canMoveTo(this);
    }

    @JsonValue
    String code() {
        return name().toLowerCase();
    }

    static PublishJobStatus ofCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
