package io.reach.podcasts.downloads;

import io.reach.measurement.IpCountries;
import io.reach.platform.database.CsvRows;
import io.reach.platform.database.StagedCopy;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.podcasts.listeners.ListenerKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores download requests: each one's listener, previous-day and household keys and network are
 * made from its address (which goes no further), its country looked up, and the rows go by
 * {@code COPY} into the day partitions (made on demand, for logs of any age within the retention);
 * the days written are marked for counting in the same transaction.
 */
@Component
class ListenerEventStore {

    static final String COLUMNS = "tenant_id, id, occurred_at, podcast_id, episode_id, event_type, listener_id,"
            + " listener_prev, household_key, ip_prefix, country, method, status, range_header, bytes_served,"
            + " user_agent, referrer, import_id, received_at";
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final StagedCopy copy;
    private final TenantTransactions transactions;
    private final ListenerKeys keys;
    private final IpCountries countries;
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();

    ListenerEventStore(
            JdbcClient jdbc,
            StagedCopy copy,
            TenantTransactions transactions,
            ListenerKeys keys,
            IpCountries countries) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.transactions = transactions;
        this.keys = keys;
        this.countries = countries;
    }

    /** A request and the episode it is for. */
    record Resolved(UUID id, DownloadRequest request, EpisodeDirectory.Found episode) {}

    /** Stores the requests in one transaction; returns how many were stored. */
    int store(TenantId tenant, List<Resolved> requests, EventType type, @Nullable UUID importId, Instant receivedAt) {
        if (requests.isEmpty()) {
            return 0;
        }
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        CsvRows csv = new CsvRows(requests.size() * 320);
        String tenantId = tenant.value().toString();
        String received = receivedAt.toString();
        String importText = importId == null ? null : importId.toString();
        for (Resolved resolved : requests) {
            DownloadRequest request = resolved.request();
            LocalDate day = LocalDate.ofInstant(request.time(), ZoneOffset.UTC);
            days.merge(day, 1, Integer::sum);
            String agent = request.userAgent() == null ? "" : request.userAgent();
            ListenerKeys.Keys made = keys.of(tenant, request.ip(), agent, day);
            csv.row(
                    tenantId,
                    resolved.id().toString(),
                    request.time().toString(),
                    resolved.episode().podcast().toString(),
                    resolved.episode().episode().toString(),
                    type.code(),
                    "\\x" + HEX.formatHex(made.listener()),
                    "\\x" + HEX.formatHex(made.previous()),
                    "\\x" + HEX.formatHex(made.household()),
                    made.network(),
                    countries.countryOf(request.ip()),
                    request.method(),
                    Integer.toString(request.status()),
                    request.range(),
                    request.bytes() == null ? null : request.bytes().toString(),
                    request.userAgent(),
                    request.referrer(),
                    importText,
                    received);
        }
        ensurePartitions(days.firstKey(), days.lastKey());
        transactions.inTransactionAs(tenant, () -> {
            copy.copy("podcasts.listener_events", COLUMNS, csv);
            for (LocalDate day : days.keySet()) {
                jdbc.sql("""
                        insert into podcasts.uncounted_days (tenant_id, day) values (:tenant, :day)
                        on conflict (tenant_id, day) do update set changes = uncounted_days.changes + 1""").param("tenant", tenant.value()).param("day", day).update();
            }
        });
        return requests.size();
    }

    private void ensurePartitions(LocalDate first, LocalDate last) {
        boolean known = true;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            known &= partitions.contains(day);
        }
        if (known) {
            return;
        }
        transactions.inTransactionAs(
                TenantId.PLATFORM,
                () -> jdbc.sql("select podcasts.ensure_listener_partitions(:first, :last)")
                        .param("first", first)
                        .param("last", last)
                        .query(Integer.class)
                        .single());
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            partitions.add(day);
        }
    }

    /** Forgets the partitions known to exist (after old ones were dropped). */
    void forgetPartitions() {
        partitions.clear();
    }
}
