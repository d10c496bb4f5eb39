package io.reach.measurement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.ApiException;

/**
 * Writes batches of tracker events, each in its own transaction ({@link TrackerStore}), on a few
 * writer threads. A batch counts as written only once its transaction has committed. Batches
 * queue for the writers; when the queue is full the caller is told to come back later (503 with
 * Retry-After) rather than anything being dropped.
 */
@Component
class TrackerWriter implements DisposableBean {

    private final TrackerStore store;
    private final ThreadPoolExecutor writers;
    private final Duration timeout;
    private final Sessionizer sessionizer;

    TrackerWriter(TrackerStore store, Sessionizer sessionizer,
            @Value("${reach.measurement.writer-threads:2}") int threads,
            @Value("${reach.measurement.queued-batches:64}") int queuedBatches,
            @Value("${reach.measurement.write-timeout:30s}") Duration timeout) {
        this.store = store;
        this.sessionizer = sessionizer;
        this.timeout = timeout;
        this.writers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queuedBatches), Thread.ofPlatform().name("tracker-writer-", 0).factory());
    }

    /** Writes the events and waits for the commit; returns how many were new (the rest were already stored). */
    int write(TenantId tenant, List<TrackerEvent> events, Instant receivedAt) {
        CompletableFuture<Integer> written;
        try {
            byte[] rows = TrackerCsv.rows(tenant, events, receivedAt);
            written = CompletableFuture.supplyAsync(() -> store.store(tenant, rows, events, receivedAt), writers);
        } catch (RejectedExecutionException e) {
            throw new Overloaded("Ingestion is at capacity; nothing of this batch was stored", 1);
        }
        try {
            int stored = written.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            sessionizer.signal(tenant);
            return stored;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("Interrupted before the batch was stored", 1);
        } catch (TimeoutException e) {
            throw new Overloaded("The batch was not confirmed in time; send it again (events are stored once)", 5);
        } catch (ExecutionException e) {
            throw new Overloaded("The batch could not be stored (" + rootMessage(e) + "); send it again", 5);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }

    static final class Overloaded extends ApiException {
        Overloaded(String detail, long retryAfterSeconds) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Try again shortly", detail, retryAfterSeconds);
        }
    }
}
