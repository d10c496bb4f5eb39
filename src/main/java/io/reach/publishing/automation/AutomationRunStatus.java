package io.reach.publishing.automation;

import io.reach.platform.CheckSet;

/** How one run of an automation on one event ended, as its execution log keeps it. */
@CheckSet(table = "publishing.automation_executions", column = "status")
enum AutomationRunStatus {
    /** Every action done. */
    SUCCEEDED,
    /** At least one action failed. */
    FAILED,
    /** Not run (its conditions did not match, or it ran too often). */
    SKIPPED;

    String code() {
        return name().toLowerCase();
    }
}
