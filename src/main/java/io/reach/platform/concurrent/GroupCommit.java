package io.reach.platform.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Group commit: threads that each have one item of work hand it in, and whichever of them gets the
 * turn runs everything handed in so far as one batch, then the next turn takes what arrived
 * meanwhile. One caller alone pays no wait and gets a batch of one; callers that arrive while a batch
 * runs share the next one, so a database round trip and a transaction serve many of them. Each caller
 * gets its own item's result. When a batch of several items throws, each of its items runs again alone, so
 * one bad item fails only its own caller: the batch must undo its work when it throws (run it in one
 * transaction).
 *
 * @param <T> one caller's item
 * @param <R> its result
 */
public final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> batch;
    private final int maxBatch;
    private final ReentrantLock turn = new ReentrantLock();
    private final Queue<Handed<T, R>> handedIn = new ConcurrentLinkedQueue<>();

    /**
     * @param batch runs a batch; returns one result per item, in the items' order
     * @param maxBatch the most items one batch takes
     */
    public GroupCommit(Function<List<T>, List<R>> batch, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("A batch takes at least one item, not " + maxBatch);
        }
        this.batch = batch;
        this.maxBatch = maxBatch;
    }

    /** Runs {@code item} in the next batch and returns its result; throws what its batch of one threw. */
    public R apply(T item) {
        Handed<T, R> mine = new Handed<>(item);
        handedIn.add(mine);
        turn.lock();
        try {
            while (!mine.done) {
                runBatch();
            }
        } finally {
            turn.unlock();
        }
        return mine.result();
    }

    /** How many items are handed in and not yet taken by a batch. */
    public int waiting() {
        return handedIn.size();
    }

    private void runBatch() {
        List<Handed<T, R>> taken = new ArrayList<>();
        for (Handed<T, R> next; taken.size() < maxBatch && (next = handedIn.poll()) != null; ) {
            taken.add(next);
        }
        try {
            List<R> results = run(taken.stream().map(Handed::item).toList());
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).succeed(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (taken.size() == 1) {
                taken.getFirst().fail(e);
                return;
            }
            for (Handed<T, R> alone : taken) {
                try {
                    alone.succeed(run(List.of(alone.item())).getFirst());
                } catch (RuntimeException | Error failure) {
                    alone.fail(failure);
                }
            }
        }
    }

    private List<R> run(List<T> items) {
        List<R> results = batch.apply(items);
        if (results.size() != items.size()) {
            throw new IllegalStateException(
                    "A batch of " + items.size() + " items gave " + results.size() + " results");
        }
        return results;
    }

    /** An item handed in, and once its batch ran, its result or failure (written and read under the turn lock). */
    private static final class Handed<T, R> {

        private final T item;
        private boolean done;
        private @Nullable R result;
        private @Nullable Throwable failure;

        Handed(T item) {
            this.item = item;
        }

        T item() {
            return item;
        }

        void succeed(R value) {
            result = value;
            done = true;
        }

        void fail(Throwable cause) {
            failure = cause;
            done = true;
        }

        @SuppressWarnings("NullAway") // a result of type R, which may itself be nullable
        R result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
