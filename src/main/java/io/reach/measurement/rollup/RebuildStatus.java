package io.reach.measurement.rollup;

import io.reach.platform.CheckSet;
import io.reach.platform.state.Transitions;

/** A rollup rebuild's state: queued, running (day by day, resumable), then done or failed. */
@CheckSet(table = "measurement.rollup_rebuilds", column = "status")
enum RebuildStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    private static final Transitions<RebuildStatus> MOVES = Transitions.of(RebuildStatus.class, "rebuild")
            .allow(QUEUED, RUNNING)
            .allow(RUNNING, RUNNING, DONE, FAILED)
            .build();

    boolean canMoveTo(RebuildStatus next) {
        return MOVES.allows(this, next);
    }

    String code() {
        return name().toLowerCase();
    }
}
