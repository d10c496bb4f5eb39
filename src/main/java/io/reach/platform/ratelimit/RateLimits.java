package io.reach.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * In-memory token buckets, one per key (an account, an address), created on first use and
 * forgotten an hour after last use: smoothly refilled ones ({@link #consume}) and fixed windows
 * that report what is left for {@code RateLimit} headers ({@link #take}). Each node counts for
 * itself; with several nodes behind a balancer the effective limit is the per-node limit times
 * the nodes.
 */
@Component
public class RateLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(1, TimeUnit.HOURS)
            .maximumSize(200_000)
            .build();

    /** Takes one token from {@code key}'s bucket or throws {@link RateLimitedException} with the wait. */
    public void consume(String key, Limit limit) {
        Bucket bucket = buckets.get(
                limit.name() + ":" + key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.period())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new RateLimitedException(seconds);
        }
    }

    /**
     * Takes one request from {@code key}'s fixed window of {@code limit}: {@code capacity}
     * requests, all renewed {@code period} after the window began. The answer says whether it was
     * let through and what is left, as the {@code RateLimit} header fields report it.
     */
    public Window take(String key, Limit limit) {
        if (limit.capacity() <= 0) {
            return Window.closed(limit);
        }
        ConsumptionProbe probe = window(key, limit).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long wait = seconds(probe.getNanosToWaitForRefill());
            return new Window(
                    limit.name(), limit.capacity(), seconds(limit.period().toNanos()), false, 0, wait);
        }
        return new Window(
                limit.name(),
                limit.capacity(),
                seconds(limit.period().toNanos()),
                true,
                probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()));
    }

    /** What {@link #take} would find in {@code key}'s window, taking nothing. */
    public Window peek(String key, Limit limit) {
        if (limit.capacity() <= 0) {
            return Window.closed(limit);
        }
        Bucket bucket = window(key, limit);
        long available = bucket.getAvailableTokens();
        long reset = available >= limit.capacity()
                ? seconds(limit.period().toNanos())
                : seconds(bucket.estimateAbilityToConsume(available + 1).getNanosToWaitForRefill());
        return new Window(
                limit.name(), limit.capacity(), seconds(limit.period().toNanos()), available > 0, available, reset);
    }

    private Bucket window(String key, Limit limit) {
        // The capacity is part of the name, so a changed limit starts a new window at once
        return buckets.get(
                "window:" + limit.name() + ":" + limit.capacity() + "/" + limit.period() + ":" + key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.capacity())
                                .refillIntervally(limit.capacity(), limit.period())
                                .build())
                        .build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }

    /** {@code capacity} requests per {@code period}: refilled smoothly by {@link #consume}, at once per window by {@link #take}. */
    public record Limit(String name, long capacity, Duration period) {}

    /**
     * One key's window after a request: its policy ({@code name}, {@code quota} requests per
     * {@code windowSeconds}), whether the request was {@code allowed}, the requests
     * {@code remaining} and the seconds until the window renews ({@code resetSeconds}).
     */
    public record Window(
            String policy, long quota, long windowSeconds, boolean allowed, long remaining, long resetSeconds) {

        static Window closed(Limit limit) {
            long window = seconds(limit.period().toNanos());
            return new Window(limit.name(), 0, window, false, 0, window);
        }

        public long retryAfterSeconds() {
            return allowed ? 0 : resetSeconds;
        }

        /** This policy as an item of the {@code RateLimit-Policy} field: {@code "name";q=quota;w=window}. */
        public String policyItem() {
            return "\"" + policy + "\";q=" + quota + ";w=" + windowSeconds;
        }

        /** What is left as an item of the {@code RateLimit} field: {@code "name";r=remaining;t=reset}. */
        public String limitItem() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }
}
