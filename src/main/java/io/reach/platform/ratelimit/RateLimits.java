package io.reach.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * In-memory token buckets, one per key (an account, an address), created on first use and
 * forgotten an hour after last use. Each node counts for itself; with several nodes behind a
 * balancer the effective limit is the per-node limit times the nodes.
 */
@Component
public class RateLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(1, TimeUnit.HOURS).maximumSize(200_000).build();

    /** Takes one token from {@code key}'s bucket or throws {@link RateLimitedException} with the wait. */
    public void consume(String key, Limit limit) {
        Bucket bucket = buckets.get(limit.name() + ":" + key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new RateLimitedException(seconds);
        }
    }

    /** {@code capacity} requests per {@code period}, refilled smoothly. */
    public record Limit(String name, long capacity, Duration period) {
    }
}
