package io.reach.tenancy;

import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where tenants' quotas are enforced. Counted quotas are checked in the transaction that adds
 * ({@link #admit}); monthly volumes are taken from a per-month counter when the work is queued
 * ({@link #take}); API requests a minute are limited by {@link ApiRateLimiting}. Months are UTC
 * calendar months. {@link #usage} reports every quota with its limit and what is used.
 */
@Service
public class QuotaEnforcement {

    /** Quotas whose feature does not exist yet: reported with nothing used, enforced once there is something to count. */
    private static final Set<Quota> NOTHING_TO_COUNT_YET =
            EnumSet.of(Quota.PODCASTS, Quota.STORAGE_BYTES, Quota.MONTHLY_AI_TOKENS);

    private final TenantConfigurations configurations;
    private final MonthlyUsage monthly;
    private final ObjectProvider<QuotaCounter> counters;
    private final TenantRequestRates rates;
    private final TenantTransactions transactions;
    private final Clock clock;

    QuotaEnforcement(
            TenantConfigurations configurations,
            MonthlyUsage monthly,
            ObjectProvider<QuotaCounter> counters,
            TenantRequestRates rates,
            TenantTransactions transactions,
            Clock clock) {
        this.configurations = configurations;
        this.monthly = monthly;
        this.counters = counters;
        this.rates = rates;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Refuses (409, {@link QuotaExceeded}) when {@code adding} more would take what {@code quota}
     * counts past the current tenant's limit; {@code adding} may be 0 to check that a change
     * keeps within it. Call it inside the transaction that adds, before adding: it locks the
     * tenant's quota row until that transaction ends, so two requests never take the last place together.
     */
    public void admit(Quota quota, long adding) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A quota is checked inside the transaction that adds");
        }
        QuotaCounter counter = counter(quota);
        if (counter == null) {
            throw new IllegalStateException("Nothing counts " + quota.column());
        }
        Long limit = configurations.lockLimit(quota);
        if (limit == null) {
            return;
        }
        long used = counter.count();
        if (used + adding > limit) {
            throw QuotaExceeded.count(quota, limit, used);
        }
    }

    /**
     * Takes {@code amount} of the monthly {@code quota} from the current UTC month, or refuses
     * (429, {@link QuotaExceeded}) taking nothing. Joins the caller's transaction for the tenant
     * if there is one, so a rollback gives it back. Answers the month taken from.
     */
    public YearMonth take(TenantId tenant, Quota quota, long amount) {
        Instant now = clock.instant();
        YearMonth month = monthOf(now);
        if (amount <= 0) {
            return month;
        }
        transactions.inTransactionAs(tenant, () -> {
            if (!monthly.take(quota, month, amount, now)) {
                long limit = configurations.findQuotas().map(quota::limitIn).orElse(0L);
                throw QuotaExceeded.monthly(
                        quota,
                        limit,
                        monthly.used(quota, month),
                        amount,
                        month,
                        Duration.between(now, month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC))
                                        .toSeconds()
                                + 1);
            }
        });
        return month;
    }

    /** Gives back {@code amount} taken from {@code month} that was not used after all (work that failed or repeated). */
    public void giveBack(TenantId tenant, Quota quota, YearMonth month, long amount) {
        if (amount <= 0) {
            return;
        }
        transactions.inTransactionAs(tenant, () -> {
            monthly.giveBack(quota, month, amount, clock.instant());
        });
    }

    /** Every quota of {@code tenant} with its limit and usage; {@link TenantNotFound} for an unknown tenant. */
    public QuotaUsage.OfTenant usage(TenantId tenant) {
        YearMonth month = monthOf(clock.instant());
        return transactions.inTransactionAs(tenant, () -> {
            TenantQuotas quotas = configurations.findQuotas().orElseThrow(() -> TenantNotFound.forId(tenant.value()));
            Map<String, Long> usedThisMonth = monthly.usedIn(month);
            List<QuotaUsage> usage = new ArrayList<>();
            for (Quota quota : Quota.values()) {
                boolean counted = !NOTHING_TO_COUNT_YET.contains(quota);
                Long limit = quota.limitIn(quotas);
                usage.add(
                        switch (quota.kind()) {
                            case COUNT -> {
                                QuotaCounter counter = counter(quota);
                                long used = counter == null ? 0 : counter.count();
                                yield new QuotaUsage(
                                        quota.column(),
                                        limit,
                                        used,
                                        remaining(limit, used),
                                        null,
                                        null,
                                        counted && counter != null);
                            }
                            case MONTHLY -> {
                                long used = usedThisMonth.getOrDefault(quota.column(), 0L);
                                yield new QuotaUsage(
                                        quota.column(),
                                        limit,
                                        used,
                                        remaining(limit, used),
                                        month.toString(),
                                        null,
                                        counted);
                            }
                            case RATE -> {
                                RateLimits.Window window = rates.peekForTenant(tenant);
                                yield new QuotaUsage(
                                        quota.column(),
                                        window.quota(),
                                        window.quota() - window.remaining(),
                                        window.remaining(),
                                        null,
                                        (int) window.windowSeconds(),
                                        rates.enabled());
                            }
                        });
            }
            return new QuotaUsage.OfTenant(month.toString(), usage);
        });
    }

    /** The usage of the tenant bound to the current request. */
    public QuotaUsage.OfTenant usage() {
        return usage(TenantContext.require());
    }

    private @Nullable QuotaCounter counter(Quota quota) {
        return counters.orderedStream()
                .filter(counter -> counter.quota() == quota)
                .findFirst()
                .orElse(null);
    }

    private static @Nullable Long remaining(@Nullable Long limit, long used) {
        return limit == null ? null : Math.max(0, limit - used);
    }

    private static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC));
    }
}
