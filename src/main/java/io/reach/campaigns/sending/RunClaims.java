package io.reach.campaigns.sending;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The claims of one run. They take turns, each starting after the highest send id the run has claimed (a run
 * claims in id order, so every row up to there was taken by one of its claims, or was locked by another
 * transaction when skipped and is left to the next run); without that floor each claim stepped again over
 * every row the run had already sent. Taking turns means no claim reads rows another worker has just claimed:
 * when two did, the later one, reading from a snapshot older than the other's commit, found the rows changed,
 * locked their new versions to recheck them and kept those locks to its own commit, and the other worker's
 * recording of those rows waited for it.
 *
 * <p>Near the end of the queue each claim takes an equal share of what is left rather than a whole batch, so
 * the workers finish together instead of one of them sending the last batch alone.
 */
final class RunClaims {

    /** Claims get no smaller than this: each one is a transaction. */
    private static final int SMALLEST = 10;

    private static final UUID BOTTOM = new UUID(0, 0);

    private final ReentrantLock turn = new ReentrantLock();
    private final int workers;
    private UUID floor = BOTTOM;
    /** Rows queued when the run started, less what its claims have taken. */
    private long left;

    RunClaims(long queued, int workers) {
        this.left = queued;
        this.workers = workers;
    }

    /** What one claim takes, given where to start and at most how many. */
    @FunctionalInterface
    interface Take {
        SendQueue.Claim take(UUID after, int limit);
    }

    /** Claims up to {@code batch} rows with {@code take}, then moves the floor past what it took. */
    SendQueue.Claim claim(int batch, Take take) {
        turn.lock();
        try {
            SendQueue.Claim taken = take.take(floor, share(batch));
            if (taken.reached() != null) {
                floor = higher(floor, taken.reached());
            }
            left -= taken.sends().size();
            return taken;
        } finally {
            turn.unlock();
        }
    }

    /**
     * A whole batch while more than a batch a worker is left, else an equal share of what is left; a whole batch
     * again if more was queued than the run counted at its start.
     */
    int share(int batch) {
        if (left <= 0) {
            return batch;
        }
        return (int) Math.clamp(Math.ceilDiv(left, workers), Math.min(SMALLEST, batch), batch);
    }

    /** The higher of two ids in PostgreSQL's {@code uuid} order: byte by byte, unsigned. */
    static UUID higher(UUID a, UUID b) {
        int order = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        if (order == 0) {
            order = Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        }
        return order >= 0 ? a : b;
    }
}
