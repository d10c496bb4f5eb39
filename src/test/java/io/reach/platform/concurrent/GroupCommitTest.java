package io.reach.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aLoneCallerRunsABatchOfOneAtOnce() {
        GroupCommit<Integer, String> squares = new GroupCommit<>(this::squares, 10);

        assertThat(squares.apply(7)).isEqualTo("49");
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void callersThatArriveWhileABatchRunsShareTheNextOneAndEachGetsItsOwnResult() throws Exception {
        HeldAtZero squares = new HeldAtZero(10, this::squares);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = squares.holdZero(callers);
            List<Future<String>> waiting = squares.handIn(callers, List.of(1, 2, 3, 4, 5));
            squares.release();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("0");
            for (int i = 1; i <= 5; i++) {
                assertThat(waiting.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(String.valueOf(i * i));
            }
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(0);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aBatchTakesNoMoreThanItsMaximum() throws Exception {
        HeldAtZero squares = new HeldAtZero(2, this::squares);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            squares.holdZero(callers);
            squares.handIn(callers, List.of(1, 2, 3, 4, 5));
            squares.release();
        }
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(6);
    }

    @Test
    void aFailedBatchRunsItsItemsAgainAloneSoOnlyTheBadItemsCallerFails() throws Exception {
        HeldAtZero failsOnSeven = new HeldAtZero(10, items -> {
            if (items.contains(7)) {
                batches.add(List.copyOf(items));
                throw new IllegalStateException("seven");
            }
            return squares(items);
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            failsOnSeven.holdZero(callers);
            List<Future<String>> waiting = failsOnSeven.handIn(callers, List.of(6, 7));
            failsOnSeven.release();

            assertThat(waiting.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("36");
            assertThatThrownBy(() -> waiting.get(1).get(10, TimeUnit.SECONDS)).hasRootCauseMessage("seven");
        }
        assertThat(batches.get(1)).containsExactlyInAnyOrder(6, 7);
        assertThat(batches.subList(2, 4)).containsExactlyInAnyOrder(List.of(6), List.of(7));
        assertThat(failsOnSeven.commit.apply(4)).isEqualTo("16");
    }

    @Test
    void aBatchThatGivesTheWrongNumberOfResultsFailsItsCallers() {
        GroupCommit<Integer, String> none = new GroupCommit<>(items -> List.of(), 10);

        assertThatThrownBy(() -> none.apply(1)).hasMessageContaining("1 items gave 0 results");
    }

    private List<String> squares(List<Integer> items) {
        batches.add(List.copyOf(items));
        return items.stream().map(i -> String.valueOf(i * i)).toList();
    }

    /** A group commit whose batch with 0 in it runs until released, so that the callers after it pile up. */
    private static final class HeldAtZero {

        private final CountDownLatch zeroRunning = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final GroupCommit<Integer, String> commit;

        HeldAtZero(int maxBatch, Function<List<Integer>, List<String>> batch) {
            this.commit = new GroupCommit<>(
                    items -> {
                        if (items.contains(0)) {
                            zeroRunning.countDown();
                            await(release);
                        }
                        return batch.apply(items);
                    },
                    maxBatch);
        }

        /** Hands in 0; returns once its batch runs (and holds the turn). */
        Future<String> holdZero(ExecutorService callers) throws InterruptedException {
            Future<String> zero = callers.submit(() -> commit.apply(0));
            assertThat(zeroRunning.await(10, TimeUnit.SECONDS)).isTrue();
            return zero;
        }

        /** Hands in the items from callers of their own; returns once all wait behind the held batch. */
        List<Future<String>> handIn(ExecutorService callers, List<Integer> items) throws InterruptedException {
            List<Future<String>> handed = new ArrayList<>();
            items.forEach(item -> handed.add(callers.submit(() -> commit.apply(item))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commit.waiting() < items.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(commit.waiting()).isEqualTo(items.size());
            return handed;
        }

        void release() {
            release.countDown();
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
