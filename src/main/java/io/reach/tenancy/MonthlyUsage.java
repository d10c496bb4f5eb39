package io.reach.tenancy;

import static io.reach.platform.time.UtcTimes.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code tenancy.monthly_usage}: what the current tenant used of each monthly quota in each UTC
 * calendar month. Taking is one conditional statement (the row is created or its {@code used}
 * raised only while it stays within the limit, read from {@code tenant_quotas} in the same
 * statement), so concurrent takers never pass the limit together and nothing counts raw rows.
 */
@Repository
class MonthlyUsage {

    private static final String TAKE = """
            insert into tenancy.monthly_usage as u (tenant_id, quota, month, used, updated_at)
            select platform.current_tenant_id(), :quota, :month, :amount, :now
            where :amount <= coalesce((select q.%1$s from tenancy.tenant_quotas q
                                       where q.tenant_id = platform.current_tenant_id()), 9223372036854775807)
            on conflict (tenant_id, quota, month) do update set used = u.used + excluded.used, updated_at = excluded.updated_at
            where u.used + excluded.used <= coalesce((select q.%1$s from tenancy.tenant_quotas q
                                                      where q.tenant_id = platform.current_tenant_id()), 9223372036854775807)""";
    private static final String GIVE_BACK = """
            update tenancy.monthly_usage set used = greatest(used - :amount, 0), updated_at = :now
            where tenant_id = platform.current_tenant_id() and quota = :quota and month = :month""";
    private static final String USED = """
            select coalesce((select used from tenancy.monthly_usage
                             where tenant_id = platform.current_tenant_id() and quota = :quota and month = :month), 0)""";
    private static final String MONTH = """
            select quota, used from tenancy.monthly_usage where tenant_id = platform.current_tenant_id() and month = :month""";

    private final JdbcClient jdbc;

    MonthlyUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code amount} to the month's usage if the total stays within the quota; false (nothing changed) if not. */
    boolean take(Quota quota, YearMonth month, long amount, Instant now) {
        MonthlyQuota monthly = MonthlyQuota.of(quota);
        return jdbc.sql(TAKE.formatted(monthly.code()))
                        .param("quota", monthly.code())
                        .param("month", firstDay(month))
                        .param("amount", amount)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    void giveBack(Quota quota, YearMonth month, long amount, Instant now) {
        jdbc.sql(GIVE_BACK)
                .param("quota", MonthlyQuota.of(quota).code())
                .param("month", firstDay(month))
                .param("amount", amount)
                .param("now", utc(now))
                .update();
    }

    long used(Quota quota, YearMonth month) {
        return jdbc.sql(USED)
                .param("quota", MonthlyQuota.of(quota).code())
                .param("month", firstDay(month))
                .query(Long.class)
                .single();
    }

    /** Each monthly quota's usage in {@code month} (a quota nothing was taken from is absent). */
    Map<String, Long> usedIn(YearMonth month) {
        Map<String, Long> used = new HashMap<>();
        jdbc.sql(MONTH).param("month", firstDay(month)).query(rs -> {
            used.put(rs.getString("quota"), rs.getLong("used"));
        });
        return used;
    }

    private static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }
}
