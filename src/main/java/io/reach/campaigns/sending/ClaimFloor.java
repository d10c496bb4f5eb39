package io.reach.campaigns.sending;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Where a run's next claim starts: the highest send id any of its workers has claimed. A run claims in id
 * order, so every row at or below it was taken by one of its claims (or was locked by another transaction
 * when skipped, and is left to the next run). Without it each claim stepped again over every row the run
 * had already sent.
 *
 * <p>A run's claims take turns ({@link #claim}): each starts where the last one ended, so no claim reads
 * rows another worker has just claimed. When two did, the later one, reading from a snapshot taken before
 * the earlier one committed, found the rows changed, locked their new versions to recheck them, and kept
 * those locks to its own commit: the other worker's recording of those rows waited for it.
 */
final class ClaimFloor {

    private static final UUID BOTTOM = new UUID(0, 0);

    private final ReentrantLock turn = new ReentrantLock();
    private UUID floor = BOTTOM;

    /** Claims with {@code claim} (given where to start), then moves the floor past what it took. */
    SendQueue.Claim claim(Function<UUID, SendQueue.Claim> claim) {
        turn.lock();
        try {
            SendQueue.Claim taken = claim.apply(floor);
            if (taken.reached() != null) {
                floor = higher(floor, taken.reached());
            }
            return taken;
        } finally {
            turn.unlock();
        }
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
