package io.reach.measurement.ingest;

import io.reach.platform.tenant.TenantId;
import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaEnforcement;
import java.time.YearMonth;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * {@code max_monthly_events} around writing a batch: the batch's valid events are taken from the
 * UTC month's quota before anything is written, or the whole batch is refused (429, nothing
 * stored); afterwards what was not newly stored (events sent before, events the database
 * refused, a failed write) is given back, so a retried batch is counted once.
 */
@Component
class EventQuota {

    private final QuotaEnforcement quotas;

    EventQuota(QuotaEnforcement quotas) {
        this.quotas = quotas;
    }

    <T> T metered(TenantId tenant, int events, Supplier<T> write, ToIntFunction<T> stored) {
        YearMonth month = quotas.take(tenant, Quota.MONTHLY_EVENTS, events);
        int kept = 0;
        try {
            T written = write.get();
            kept = stored.applyAsInt(written);
            return written;
        } finally {
            quotas.giveBack(tenant, Quota.MONTHLY_EVENTS, month, events - kept);
        }
    }
}
