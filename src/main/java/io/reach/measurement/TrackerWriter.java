package io.reach.measurement;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
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

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ApiException;

/**
 * Writes batches of tracker events with PostgreSQL's {@code COPY} into a temporary staging table,
 * then moves them into the partitioned table in the same transaction, skipping events already
 * stored (same event id and time), queues the new events for the {@link Sessionizer} and notes
 * the devices and places seen. A batch counts as written only once its transaction has
 * committed. Batches queue for a few writer threads; when the queue is full the caller is told
 * to come back later (503 with Retry-After) rather than anything being dropped.
 */
@Component
class TrackerWriter implements DisposableBean {

    static final String COLUMNS = "tenant_id, id, event_id, session_id, user_id, event_type, event_category, event_action,"
            + " event_label, page_url, referrer_url, user_agent, ip_address, device_type, browser_name, operating_system,"
            + " screen_resolution, event_value, custom_properties, is_bot, created_at, received_at, country, region, city";
    private static final String STAGING = """
            create temp table if not exists tracker_staging (like measurement.trackers including defaults)
            on commit delete rows""";

    private final TenantTransactions transactions;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ThreadPoolExecutor writers;
    private final Duration timeout;
    private final Sessionizer sessionizer;
    private final Devices devices;
    private final Geography geography;

    TrackerWriter(TenantTransactions transactions, DataSource dataSource, JdbcClient jdbc,
            @Value("${reach.measurement.writer-threads:2}") int threads,
            @Value("${reach.measurement.queued-batches:64}") int queuedBatches,
            @Value("${reach.measurement.write-timeout:30s}") Duration timeout,
            Sessionizer sessionizer, Devices devices, Geography geography) {
        this.sessionizer = sessionizer;
        this.devices = devices;
        this.geography = geography;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.timeout = timeout;
        this.writers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queuedBatches), Thread.ofPlatform().name("tracker-writer-", 0).factory());
    }

    /** Writes the events and waits for the commit; returns how many were new (the rest were already stored). */
    int write(TenantId tenant, List<TrackerEvent> events, Instant receivedAt) {
        CompletableFuture<Integer> written;
        try {
            written = CompletableFuture.supplyAsync(() -> copy(tenant, events, receivedAt), writers);
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

    private int copy(TenantId tenant, List<TrackerEvent> events, Instant receivedAt) {
        return transactions.inTransactionAs(tenant, () -> {
            jdbc.sql(STAGING).update();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy pg_temp.tracker_staging (" + COLUMNS + ") from stdin (format csv)",
                        new StringReader(TrackerCsv.rows(tenant, events, receivedAt)));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
            devices.remember(events, receivedAt);
            geography.remember(events, receivedAt);
            return jdbc.sql(TrackerSessions.STORE).query(Integer.class).single();
        });
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
