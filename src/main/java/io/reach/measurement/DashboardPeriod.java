package io.reach.measurement;

import io.reach.platform.web.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's period: whole local days of the site's zone ({@code first} to {@code last},
 * both included), read up to now at most, and the period before it of as many days cut at the
 * same local time (so today so far compares with yesterday up to the same hour). A period of one
 * or two days is drawn by the hour, a longer one by the day.
 *
 * @param key today, 7d, 30d (both ending today), month (this month so far) or custom
 */
public record DashboardPeriod(
        String key,
        LocalDate first,
        LocalDate last,
        Instant from,
        Instant to,
        Instant previousFrom,
        Instant previousTo,
        String interval) {

    public static final List<String> KEYS = List.of("today", "7d", "30d", "month", "custom");
    static final String DEFAULT = "30d";
    static final int MAX_DAYS = 400;

    static DashboardPeriod of(
            @Nullable String key, @Nullable String from, @Nullable String to, ZoneId zone, Instant now) {
        String chosen = key == null || key.isBlank() ? DEFAULT : key;
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (chosen) {
            case "today" -> days(chosen, today, today, zone, now);
            case "7d" -> days(chosen, today.minusDays(6), today, zone, now);
            case "30d" -> days(chosen, today.minusDays(29), today, zone, now);
            case "month" -> days(chosen, today.withDayOfMonth(1), today, zone, now);
            case "custom" -> custom(date("from", from), date("to", to), today, zone, now);
            default -> throw new BadRequestException("Invalid period", "period is one of " + String.join(", ", KEYS));
        };
    }

    /** The words for a period key in the picker. */
    public static String nameOf(String key) {
        return switch (key) {
            case "today" -> "Today";
            case "7d" -> "Last 7 days";
            case "30d" -> "Last 30 days";
            case "month" -> "This month";
            default -> "Custom range";
        };
    }

    /** How many local days the period spans. */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** A label for the period, e.g. "2026-12-01 – 2026-12-04". */
    public String label() {
        return first.equals(last) ? first.toString() : first + " – " + last;
    }

    private static DashboardPeriod custom(LocalDate first, LocalDate last, LocalDate today, ZoneId zone, Instant now) {
        if (last.isBefore(first)) {
            throw new BadRequestException("Invalid period", "from must be on or before to");
        }
        if (first.isAfter(today)) {
            throw new BadRequestException("Invalid period", "from must be today or earlier");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new BadRequestException("Invalid period", "a period has at most " + MAX_DAYS + " days");
        }
        return days("custom", first, last, zone, now);
    }

    private static DashboardPeriod days(String key, LocalDate first, LocalDate last, ZoneId zone, Instant now) {
        ZonedDateTime start = first.atStartOfDay(zone);
        ZonedDateTime end = last.plusDays(1).atStartOfDay(zone);
        if (end.toInstant().isAfter(now)) {
            end = now.atZone(zone);
        }
        if (!end.isAfter(start)) {
            end = start.plusSeconds(1); // the very first second of today: a window is never empty
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        return new DashboardPeriod(
                key,
                first,
                last,
                start.toInstant(),
                end.toInstant(),
                start.minusDays(days).toInstant(),
                end.minusDays(days).toInstant(),
                days <= 2 ? "hour" : "day");
    }

    private static LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("Invalid period", "a custom period needs " + name + " (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Invalid period", name + " is a date such as 2026-12-01, not " + value);
        }
    }
}
