package io.reach.measurement.ingest;

/** What tests outside the package need to know of {@link TrackerStore}. */
public final class TrackerStoreAccess {

    private TrackerStoreAccess() {}

    /** The batch size from which events are inserted plainly first (the path a repeated event diverts). */
    public static int plainInsertFrom() {
        return TrackerStore.PLAIN_INSERT_FROM;
    }
}
