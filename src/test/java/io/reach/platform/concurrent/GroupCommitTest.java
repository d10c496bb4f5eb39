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
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> squares = new GroupCommit<>(
                items -> {
                    if (items.contains(0)) {
                        firstRunning.countDown();
                        await(release);
                    }
                    return squares(items);
                },
                10);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = callers.submit(() -> squares.apply(0));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> waiting = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                waiting.add(callers.submit(() -> squares.apply(item)));
            }
            awaitQueued(squares, 5);
            release.countDown();

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
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> squares = new GroupCommit<>(
                items -> {
                    if (items.contains(0)) {
                        firstRunning.countDown();
                        await(release);
                    }
                    return squares(items);
                },
                2);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            callers.submit(() -> squares.apply(0));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                callers.submit(() -> squares.apply(item));
            }
            awaitQueued(squares, 5);
            release.countDown();
        }
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(6);
    }

    @Test
    void aFailedBatchRunsItsItemsAgainAloneSoOnlyTheBadItemsCallerFails() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> failsOnSeven = new GroupCommit<>(
                items -> {
                    batches.add(List.copyOf(items));
                    if (items.contains(0)) {
                        firstRunning.countDown();
                        await(release);
                    }
                    if (items.contains(7)) {
                        throw new IllegalStateException("seven");
                    }
                    return items.stream().map(i -> String.valueOf(i * i)).toList();
                },
                10);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            callers.submit(() -> failsOnSeven.apply(0));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> six = callers.submit(() -> failsOnSeven.apply(6));
            Future<String> seven = callers.submit(() -> failsOnSeven.apply(7));
            awaitQueued(failsOnSeven, 2);
            release.countDown();

            assertThat(six.get(10, TimeUnit.SECONDS)).isEqualTo("36");
            assertThatThrownBy(() -> seven.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("seven");
        }
        assertThat(batches.get(1)).containsExactlyInAnyOrder(6, 7);
        assertThat(batches.subList(2, 4)).containsExactlyInAnyOrder(List.of(6), List.of(7));
        assertThat(failsOnSeven.apply(4)).isEqualTo("16");
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

    /** Waits until {@code count} callers are blocked behind the running batch. */
    private static void awaitQueued(GroupCommit<?, ?> commit, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commit.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(commit.waiting()).isEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
