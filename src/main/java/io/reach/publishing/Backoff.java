package io.reach.publishing;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When to try again: from {@code base} (60 s by default) doubling per attempt up to {@code cap}
 * (1 h), with ±20 % jitter so retries of many jobs spread out; never sooner than the platform's
 * Retry-After.
 */
record Backoff(Duration base, Duration cap) {

    Duration after(int attempt, @Nullable Duration retryAfter) {
        long exponential = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(exponential, cap.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        Duration wait = Duration.ofMillis((long) (capped * jitter));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
