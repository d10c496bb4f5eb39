package io.reach.publishing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.state.Transitions;

/**
 * A publish job's state, with the moves each allows: waiting (pending, or retry after a failed
 * attempt) until a runner claims it (running); an attempt ends in success, failed, missed (too late
 * to send) or retry; a waiting job can be cancelled, and a cancelled or waiting one planned again.
 * The statements of {@link PublishJobs} make these moves with conditional updates.
 */
@CheckSet(table = "publishing.publish_jobs", column = "status")
enum PublishJobStatus {
    PENDING,
    RUNNING,
    RETRY,
    SUCCESS,
    FAILED,
    MISSED,
    CANCELLED;

    private static final Transitions<PublishJobStatus> MOVES = Transitions.of(PublishJobStatus.class, "job")
            .allow(PENDING, PENDING, RUNNING, CANCELLED)
            .allow(RETRY, PENDING, RUNNING, CANCELLED)
            .allow(CANCELLED, PENDING)
            .allow(RUNNING, SUCCESS, FAILED, MISSED, RETRY)
            .build();

    boolean canMoveTo(PublishJobStatus next) {
        return MOVES.allows(this, next);
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
