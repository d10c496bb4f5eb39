package io.reach.support;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark traffic written straight into {@code measurement.trackers}: {@code events} events spread
 * evenly over the six days before {@code now}, in time order, as they would arrive (500 pages, 40
 * referrers, 200,000 sessions, three devices, four browsers and systems, one in fifty a bot).
 */
public final class GeneratedTraffic {

    private static final int CHUNK = 1_000_000;

    private GeneratedTraffic() {}

    public static void write(
            TenantTransactions transactions, JdbcClient jdbc, TenantId tenant, UUID site, int events, Instant now) {
        for (int first = 1; first <= events; first += CHUNK) {
            int from = first;
            int last = Math.min(events, first + CHUNK - 1);
            transactions.inTransactionAs(
                    tenant,
                    () -> jdbc.sql("""
                    insert into measurement.trackers (tenant_id, site_id, id, event_id, session_id, event_type, page_url, referrer_url,
                        device_type, browser_name, operating_system, event_value, is_bot, created_at, received_at)
                    select :tenant, :site, gen_random_uuid(), 'g' || i, 's' || (i % 200000), (array['page_view','click','signup'])[1 + i % 3],
                           '/page/' || (i % 500), 'https://ref' || (i % 40) || '.example/', (array['Desktop','Phone','Tablet'])[1 + i % 3],
                           (array['Chrome','Firefox','Safari','Edge'])[1 + i % 4], (array['Windows NT','Mac OS','Android','iOS'])[1 + i % 4],
                           i % 10, i % 50 = 0, :now - make_interval(secs => 518400.0 * (:events - i) / :events), :now
                    from generate_series(:first, :last) i""")
                            .param("tenant", tenant.value())
                            .param("site", site)
                            .param("now", now.atOffset(ZoneOffset.UTC))
                            .param("events", events)
                            .param("first", from)
                            .param("last", last)
                            .update());
        }
    }

    /** The 200,000 sessions those events name, each its events' span of the six days, for the visit figures. */
    public static void writeSessions(
            TenantTransactions transactions, JdbcClient jdbc, TenantId tenant, UUID site, int events, Instant now) {
        transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("""
                insert into measurement.sessions (tenant_id, site_id, id, session_key, started_at, ended_at, events,
                    device_info, location_data, is_bot)
                select :tenant, :site, gen_random_uuid(), 's' || k,
                       :now - make_interval(secs => 518400.0 * (200000 - k) / 200000),
                       :now - make_interval(secs => 518400.0 * (200000 - k) / 200000) + make_interval(secs => k % 600),
                       greatest(1, :events / 200000 + k % 3 - 1),
                       jsonb_build_object('device_type', (array['Desktop','Phone','Tablet'])[1 + k % 3]), '{}', k % 50 = 0
                from generate_series(0, 199999) k""")
                        .param("tenant", tenant.value())
                        .param("site", site)
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("events", events)
                        .update());
    }
}
