package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Partitions that can still receive accepted events are never dropped, whatever the retention settings say. */
@ReachTest
class TrackerPartitionsTest {

    @Autowired
    TrackerPartitions partitions;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantTransactions transactions;

    @Test
    void theDatabaseRefusesToDropAPartitionInsideTheAcceptedEventWindow() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThatThrownBy(() -> partitions.maintain(today.minusDays(8), today.plusDays(7), today.minusDays(2)))
                .hasMessageContaining("accepted event window");
        assertThatThrownBy(() -> owner.run(jdbc -> jdbc.queryForObject(
                        "select measurement.drop_tracker_partitions(current_date + 30)", Integer.class)))
                .as("not even the owner can")
                .hasMessageContaining("accepted event window");

        assertThat(partitionDays())
                .as("every day of the 7-day late window still has its partition")
                .containsAll(today.minusDays(7).datesUntil(today.plusDays(1)).toList());
        assertThat(partitions
                        .maintain(today.minusDays(8), today.plusDays(7), today.minusDays(400))
                        .dropped())
                .as("a cutoff before the window is allowed")
                .isZero();
    }

    @Test
    void aRetentionNoLongerThanTheLateWindowRefusesToStart() {
        assertThatThrownBy(() -> new TrackerPartitions(
                        jdbc, transactions, Duration.ofDays(7), Duration.ofDays(7), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reach.measurement.retention")
                .hasMessageContaining("reach.measurement.late-window");
        assertThatThrownBy(() -> new TrackerPartitions(
                        jdbc, transactions, Duration.ofDays(7).plusHours(1), Duration.ofDays(8), Clock.systemUTC()))
                .as("a late window of 7 days and an hour reaches into an eighth day")
                .isInstanceOf(IllegalStateException.class);
        assertThat(new TrackerPartitions(jdbc, transactions, Duration.ofDays(7), Duration.ofDays(8), Clock.systemUTC()))
                .isNotNull();
    }

    private List<LocalDate> partitionDays() {
        return owner.with(jdbc -> jdbc.queryForList("""
                select to_date(substring(c.relname from 11), 'YYYYMMDD') from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'measurement.trackers'::regclass and c.relname ~ '^trackers_p[0-9]{8}$'""", java.sql.Date.class)).stream()
                .map(java.sql.Date::toLocalDate)
                .toList();
    }
}
