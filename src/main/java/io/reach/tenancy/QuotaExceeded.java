package io.reach.tenancy;

import io.reach.platform.web.ApiException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request that would take a tenant beyond a quota. A count (members, campaigns, accounts) is a
 * 409: the request clashes with the tenant's state and succeeds once something is removed or the
 * limit raised. A monthly volume is a 429 with {@code Retry-After} until the next UTC month. The
 * problem names the quota, its limit and the usage (see docs/decisions.md).
 */
final class QuotaExceeded extends ApiException {

    private final Map<String, Object> properties;

    private QuotaExceeded(HttpStatus status, String detail, long retryAfterSeconds, Map<String, Object> properties) {
        super(status, "Quota exceeded", detail, retryAfterSeconds);
        this.properties = properties;
    }

    static QuotaExceeded count(Quota quota, long limit, long used) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("quota", quota.column());
        properties.put("limit", limit);
        properties.put("used", used);
        return new QuotaExceeded(
                HttpStatus.CONFLICT,
                "The workspace uses " + used + " of its " + limit + " allowed by " + quota.column()
                        + "; remove one or ask the platform administrator for a higher limit",
                0,
                properties);
    }

    static QuotaExceeded monthly(
            Quota quota, long limit, long used, long requested, YearMonth month, long secondsToNextMonth) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("quota", quota.column());
        properties.put("limit", limit);
        properties.put("used", used);
        properties.put("requested", requested);
        properties.put("period", month.toString());
        return new QuotaExceeded(
                HttpStatus.TOO_MANY_REQUESTS,
                "This needs " + requested + " of " + quota.column()
                        + ", and " + Math.max(0, limit - used) + " of " + limit + " are left for " + month
                        + " (UTC); the quota renews when the next month begins",
                Math.max(1, secondsToNextMonth),
                properties);
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
