package io.reach.platform.web;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A half-open time window {@code [from, to)} taken from request parameters: either end may be
 * left out (a default applies), both must lie between 1970 and 9999 and {@code from} must come
 * before {@code to}; otherwise the request gets a 400 problem.
 */
public record TimeWindow(Instant from, Instant to) {

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** {@code to} defaults to {@code now}, {@code from} to {@code span} before {@code to}. */
    public static TimeWindow recent(@Nullable Instant from, @Nullable Instant to, Duration span, Instant now) {
        Instant end = inRange(to == null ? now : to);
        return checked(from == null ? end.minus(span) : from, end);
    }

    /** Missing ends mean "since 1970" and "until 9999". */
    public static TimeWindow unbounded(@Nullable Instant from, @Nullable Instant to) {
        return checked(from == null ? Instant.EPOCH : from, to == null ? LATEST : to);
    }

    private static Instant inRange(Instant instant) {
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
            throw new BadRequestException("Invalid window", "from and to must lie between 1970 and 9999");
        }
        return instant;
    }

    private static TimeWindow checked(Instant from, Instant to) {
        inRange(from);
        inRange(to);
        if (!from.isBefore(to)) {
            throw new BadRequestException("Invalid window", "from must be before to");
        }
        return new TimeWindow(from, to);
    }
}
