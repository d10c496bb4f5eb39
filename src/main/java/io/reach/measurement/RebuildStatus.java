package io.reach.measurement;

import java.util.Map;
import java.util.Set;

import io.reach.platform.CheckSet;

/** A rollup rebuild's state: queued, running (day by day, resumable), then done or failed. */
@CheckSet(table = "measurement.rollup_rebuilds", column = "status")
enum RebuildStatus {
    QUEUED, RUNNING, DONE, FAILED;

    private static final Map<RebuildStatus, Set<RebuildStatus>> NEXT = Map.of(
            QUEUED, Set.of(RUNNING),
            RUNNING, Set.of(RUNNING, DONE, FAILED),
            DONE, Set.of(),
            FAILED, Set.of());

    boolean canMoveTo(RebuildStatus next) {
        return NEXT.get(this).contains(next);
    }

    String code() {
        return name().toLowerCase();
    }
}
