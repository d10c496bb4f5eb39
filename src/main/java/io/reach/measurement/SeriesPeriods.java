package io.reach.measurement;

import io.reach.platform.web.BadRequestException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every period of a time series over {@code [from, to)}, cut in a time zone as PostgreSQL's
 * {@code date_trunc(interval, t, zone)} cuts them (weeks start on Monday), so a chart shows the
 * hours and days where nothing happened instead of joining the points around them. Days, weeks
 * and months are local calendar periods (a day is 23 or 25 hours when the clocks change); hours
 * are hours of elapsed time. A series has at most {@value #MAX} periods.
 */
final class SeriesPeriods {

    static final int MAX = 2000;

    private SeriesPeriods() {}

    /** The starts of the periods that overlap {@code [from, to)}, oldest first; a 400 past {@value #MAX}. */
    static List<Instant> of(String interval, ZoneId zone, Instant from, Instant to) {
        List<Instant> periods = new ArrayList<>();
        for (ZonedDateTime period = first(interval, from.atZone(zone));
                period.toInstant().isBefore(to);
                period = next(interval, period)) {
            if (periods.size() == MAX) {
                throw new BadRequestException(
                        "Too many periods",
                        "A time series has at most " + MAX
                                + " periods; interval=" + interval
                                + " over this window gives more: choose a longer interval or a"
                                + " shorter window");
            }
            periods.add(period.toInstant());
        }
        return periods;
    }

    /** The counted points with every other period added with {@code empty}, in time order. */
    static List<AnalyticsQueries.Point> filled(
            List<Instant> periods, List<AnalyticsQueries.Point> counted, @Nullable BigDecimal empty, ZoneId zone) {
        Map<Instant, @Nullable BigDecimal> series = new TreeMap<>();
        periods.forEach(period -> series.put(period, empty));
        counted.forEach(point -> series.put(point.period().toInstant(), point.value()));
        return series.entrySet().stream()
                .map(e -> new AnalyticsQueries.Point(e.getKey().atZone(zone).toOffsetDateTime(), e.getValue()))
                .toList();
    }

    private static ZonedDateTime first(String interval, ZonedDateTime at) {
        return switch (interval) {
            case "hour" -> at.truncatedTo(ChronoUnit.HOURS);
            case "day" -> at.toLocalDate().atStartOfDay(at.getZone());
            case "week" ->
                at.toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .atStartOfDay(at.getZone());
            case "month" -> at.toLocalDate().withDayOfMonth(1).atStartOfDay(at.getZone());
            default -> throw new IllegalArgumentException("Unknown interval " + interval);
        };
    }

    private static ZonedDateTime next(String interval, ZonedDateTime period) {
        return switch (interval) {
            case "hour" -> period.plus(Duration.ofHours(1));
            case "day" -> period.toLocalDate().plusDays(1).atStartOfDay(period.getZone());
            case "week" -> period.toLocalDate().plusWeeks(1).atStartOfDay(period.getZone());
            case "month" -> period.toLocalDate().plusMonths(1).atStartOfDay(period.getZone());
            default -> throw new IllegalArgumentException("Unknown interval " + interval);
        };
    }
}
