package io.reach.measurement.ingest;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.ApiException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Writes batches of tracker events, each in its own transaction ({@link TrackerStore}), on a few
 * writer threads. A batch counts as written only once its transaction has committed. Batches
 * queue for the writers; when the queue is full the caller is told to come back later (503 with
 * Retry-After) rather than anything being dropped.
 */
@Component
class TrackerWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrackerWriter.class);

    private final TrackerStore store;
    private final ThreadPoolExecutor writers;
    private final Duration timeout;
    private final Sessionizer sessionizer;

    TrackerWriter(
            TrackerStore store,
            Sessionizer sessionizer,
            @Value("${reach.measurement.writer-threads:2}") int threads,
            @Value("${reach.measurement.queued-batches:64}") int queuedBatches,
            @Value("${reach.measurement.write-timeout:30s}") Duration timeout) {
        this.store = store;
        this.sessionizer = sessionizer;
        this.timeout = timeout;
        this.writers = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queuedBatches),
                Thread.ofPlatform().name("tracker-writer-", 0).factory());
    }

    /** What a write did: how many events were new, and which (by position) the database refused. */
    record Written(int stored, List<Integer> refused) {}

    /**
     * Writes the events and waits for the commit; the result says how many were new (the rest
     * were already stored). Events are checked before they come here, so the database should
     * refuse none; if it refuses a value all the same (a data or constraint error), the batch is
     * split until the events it refuses are found, and the others are stored.
     */
    Written write(TenantId tenant, UUID site, List<TrackerEvent> events, Instant receivedAt) {
        List<Integer> refused = new ArrayList<>();
        int stored = write(tenant, site, events, 0, receivedAt, refused);
        sessionizer.signal(tenant);
        return new Written(stored, List.copyOf(refused));
    }

    private int write(
            TenantId tenant,
            UUID site,
            List<TrackerEvent> events,
            int offset,
            Instant receivedAt,
            List<Integer> refused) {
        try {
            return attempt(tenant, site, events, receivedAt);
        } catch (RefusedData e) {
            if (events.size() == 1) {
                log.warn(
                        "The database refused an event for tenant {} (SQL state {}); the event is rejected",
                        tenant.value(),
                        e.sqlState);
                refused.add(offset);
                return 0;
            }
            int half = events.size() / 2;
            return write(tenant, site, events.subList(0, half), offset, receivedAt, refused)
                    + write(tenant, site, events.subList(half, events.size()), offset + half, receivedAt, refused);
        }
    }

    private int attempt(TenantId tenant, UUID site, List<TrackerEvent> events, Instant receivedAt) {
        CompletableFuture<Integer> written;
        try {
            io.reach.platform.database.CsvRows rows = TrackerCsv.rows(tenant, site, events, receivedAt);
            written = CompletableFuture.supplyAsync(() -> store.store(tenant, rows, events, receivedAt), writers);
        } catch (RejectedExecutionException e) {
            throw new Overloaded("Ingestion is at capacity; nothing of this batch was stored", 1);
        }
        try {
            return written.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("Interrupted before the batch was stored", 1);
        } catch (TimeoutException e) {
            throw new Overloaded("The batch was not confirmed in time; send it again (events are stored once)", 5);
        } catch (ExecutionException e) {
            String state = sqlState(e);
            if (state.startsWith("22") || state.startsWith("23")) {
                throw new RefusedData(state);
            }
            throw new Overloaded("The batch could not be stored (" + rootMessage(e) + "); send it again", 5);
        }
    }

    /** The SQL state of the first database error in the chain ("" if none): class 22 is bad data, 23 a broken constraint. */
    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /** The database refused a value of the batch (not a failure of the database itself). */
    private static final class RefusedData extends RuntimeException {
        private final String sqlState;

        RefusedData(String sqlState) {
            super(null, null, false, false);
            this.sqlState = sqlState;
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
