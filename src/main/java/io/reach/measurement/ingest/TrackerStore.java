package io.reach.measurement.ingest;

import io.reach.platform.database.CsvRows;
import io.reach.platform.database.StagedCopy;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * One transaction of tracker writes: a batch's CSV rows go by {@code COPY} into
 * a temporary staging table, then into the partitioned table, skipping events already stored
 * (same event id and time); the new events are queued for the {@link Sessionizer}, and the
 * devices and places seen are noted.
 */
@Component
class TrackerStore {

    static final String COLUMNS =
            "tenant_id, site_id, id, event_id, session_id, user_id, event_type, event_category, event_action,"
                    + " event_label, page_url, referrer_url, user_agent, ip_address, device_type, browser_name, operating_system,"
                    + " screen_resolution, event_value, custom_properties, is_bot, created_at, received_at, country, region, city";
    /**
     * From this many events a batch is first inserted plainly, behind a savepoint: the savepoint costs a
     * round trip, which the ~4 µs saved per event repays from a few dozen events on.
     */
    static final int PLAIN_INSERT_FROM = 32;

    /** Where a batch's rows are copied first ({@link StagedCopy}): the table has row-level security. */
    static final String STAGING = StagedCopy.staging("measurement.trackers");

    private final TenantTransactions transactions;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final StagedCopy copy;
    private final Devices devices;
    private final Geography geography;

    TrackerStore(
            TenantTransactions transactions,
            DataSource dataSource,
            JdbcClient jdbc,
            StagedCopy copy,
            Devices devices,
            Geography geography) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.copy = copy;
        this.devices = devices;
        this.geography = geography;
    }

    /** Stores the events (whose CSV rows are given) in one transaction; returns how many were new. */
    int store(TenantId tenant, CsvRows rows, List<TrackerEvent> events, Instant receivedAt) {
        return transactions.inTransactionAs(tenant, () -> {
            copy.stage("measurement.trackers", COLUMNS, rows);
            devices.remember(events, receivedAt);
            geography.remember(events, receivedAt);
            return events.size() < PLAIN_INSERT_FROM
                    ? jdbc.sql(TrackerSessions.STORE).query(Integer.class).single()
                    : moveStaged(DataSourceUtils.getConnection(dataSource));
        });
    }

    /**
     * Moves the staged events into the table: all of them with a plain insert, and only if one of them is
     * stored already (a retried batch) again from a savepoint, skipping the stored ones.
     */
    private int moveStaged(Connection connection) {
        Savepoint beforeInsert;
        try {
            beforeInsert = connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a savepoint: " + e.getMessage(), e);
        }
        try {
            return jdbc.sql(TrackerSessions.STORE_NEW).query(Integer.class).single();
        } catch (DuplicateKeyException stored) {
            try {
                connection.rollback(beforeInsert);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not roll back to the savepoint: " + e.getMessage(), e);
            }
            return jdbc.sql(TrackerSessions.STORE).query(Integer.class).single();
        }
    }
}
