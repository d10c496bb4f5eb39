package io.reach.measurement;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the analytics dashboard shows for one site, period and set of filters: the key numbers
 * with the previous period's, the series the chart draws, the ranked lists and the visitors of the
 * last 30 minutes.
 */
public record Dashboard(
        List<SiteChoice> sites,
        UUID site,
        DashboardPeriod period,
        List<Kpi> kpis,
        List<SeriesPoint> series,
        List<TopList> tops,
        long liveVisitors) {

    /** A site of the picker. */
    public record SiteChoice(UUID id, String name, boolean current) {}

    /** How a key number reads and compares. */
    public enum Kind {
        COUNT,
        SHARE,
        SECONDS
    }

    /** A key number of the period and of the one before it. */
    public record Kpi(String key, String label, Kind kind, double value, double previous) {

        public String shown() {
            return shown(value);
        }

        public String previousShown() {
            return shown(previous);
        }

        /** The change against the previous period: percent, or percentage points for a share; null when there was nothing before. */
        public @Nullable String change() {
            if (kind == Kind.SHARE) {
                return signed(Math.round((value - previous) * 100)) + " pp";
            }
            if (previous == 0) {
                return null;
            }
            return signed(Math.round((value - previous) / previous * 100)) + "%";
        }

        /** up, down or flat. */
        public String trend() {
            return value > previous ? "up" : value < previous ? "down" : "flat";
        }

        private String shown(double number) {
            return switch (kind) {
                case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(number));
                case SHARE -> Math.round(number * 100) + "%";
                case SECONDS -> duration(Math.round(number));
            };
        }

        private static String duration(long seconds) {
            return seconds < 60
                    ? seconds + "s"
                    : seconds / 60 + "m " + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }

        private static String signed(long number) {
            return number > 0 ? "+" + number : String.valueOf(number);
        }
    }

    /** A period of the chart: its label (local time) and counts. */
    public record SeriesPoint(String period, long pageViews, long visits) {}

    /** A ranked list: the values of one dimension with the most events, each a link filtering by it. */
    public record TopList(DashboardAsk.Filter filter, List<TopRow> rows) {}

    public record TopRow(String value, long events) {}

    /** Nothing measured in the period: no page view, no visit, no ranked value. */
    public boolean empty() {
        return kpis.stream().allMatch(kpi -> kpi.value() == 0)
                && tops.stream().allMatch(top -> top.rows().isEmpty());
    }

    /** The series' period column: "Hour" or "Day". */
    public String periodName() {
        return "hour".equals(period.interval()) ? "Hour" : "Day";
    }
}
