package io.reach.publishing;

import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The content calendar: the workspace's posts placed on the days (and, for one day, the hours) of
 * the workspace's time zone by their scheduled time. Days are cut at local midnight, so a day of
 * a DST change has 23 or 25 hours and a post lands on the day and hour its local time says.
 */
@Component
public class PublishingCalendar {

    /** Posts read for one calendar at most (pages of the API's largest size). */
    static final int MOST_POSTS = 1000;

    private static final int DRAFTS_PAGE = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ENGLISH);

    /** The three ways to look at it. */
    public enum View {
        MONTH,
        WEEK,
        DAY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A post on the calendar: its local time, name and status. */
    public record Entry(UUID id, String time, String title, String status, String statusClass) {}

    /** A day: its date, whether it belongs to the month shown, whether it is today, and its posts by time. */
    public record Day(LocalDate date, boolean inPeriod, boolean today, List<Entry> posts) {
        public String number() {
            return String.valueOf(date.getDayOfMonth());
        }

        public String name() {
            return date.format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH));
        }
    }

    /** An hour of a day view; {@code label} carries the UTC offset on a day whose offset changes. */
    public record Hour(String label, List<Entry> posts) {}

    /** What the page draws: the period's title, weeks (month and week views) or hours (day view). */
    public record Calendar(
            View view,
            LocalDate date,
            String title,
            String zone,
            LocalDate previous,
            LocalDate next,
            List<List<Day>> weeks,
            List<Hour> hours,
            int postCount,
            boolean truncated) {}

    private final PostWorkflow workflow;
    private final WorkspaceZone zones;
    private final java.time.Clock clock;

    PublishingCalendar(PostWorkflow workflow, WorkspaceZone zones, java.time.Clock clock) {
        this.workflow = workflow;
        this.zones = zones;
        this.clock = clock;
    }

    /** The workspace's drafts, planned or not, a page at a time (the calendar shows only the planned ones). */
    CursorPage<Entry> drafts(@Nullable String cursor) {
        CursorPage<Post> page = workflow.posts(PageRequest.of(DRAFTS_PAGE, cursor), PostStatus.DRAFT, null, null);
        return new CursorPage<>(
                page.items().stream()
                        .map(post -> new Entry(
                                post.id(),
                                post.scheduledAt() == null ? "No time yet" : zones.shown(post.scheduledAt()),
                                PostLabels.titleOf(post),
                                PostLabels.of(post.status()),
                                PostLabels.cssClass(post.status())))
                        .toList(),
                page.nextCursor());
    }

    /** Today in the workspace's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zones.zone()));
    }

    Calendar of(View view, LocalDate date) {
        ZoneId zone = zones.zone();
        LocalDate first = switch (view) {
            case MONTH -> date.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case DAY -> date;
        };
        LocalDate end = switch (view) {
            case MONTH ->
                date.with(TemporalAdjusters.lastDayOfMonth())
                        .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                        .plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case DAY -> first.plusDays(1);
        };
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        List<Post> posts = postsBetween(from, to);
        LocalDate today = today();
        List<List<Day>> weeks = new ArrayList<>();
        if (view != View.DAY) {
            for (LocalDate monday = first; monday.isBefore(end); monday = monday.plusWeeks(1)) {
                List<Day> week = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    LocalDate day = monday.plusDays(i);
                    boolean inPeriod = view == View.WEEK || day.getMonth() == date.getMonth();
                    week.add(new Day(day, inPeriod, day.equals(today), entries(posts, zone, day)));
                }
                weeks.add(week);
            }
        }
        return new Calendar(
                view,
                date,
                title(view, date, first),
                zone.getId(),
                step(view, date, -1),
                step(view, date, 1),
                weeks,
                view == View.DAY ? hours(posts, zone, date) : List.of(),
                posts.size(),
                posts.size() >= MOST_POSTS);
    }

    /** Each hour of the local day, from its midnight to the next: 23, 24 or 25 of them. */
    private static List<Hour> hours(List<Post> posts, ZoneId zone, LocalDate date) {
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        ZonedDateTime start = date.atStartOfDay(zone);
        boolean offsetChanges = !start.getOffset().equals(end.atZone(zone).getOffset());
        List<Hour> hours = new ArrayList<>();
        for (Instant hour = start.toInstant(); hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
            ZonedDateTime local = hour.atZone(zone);
            Instant from = hour;
            Instant until = hour.plus(Duration.ofHours(1));
            String label = TIME.format(local) + (offsetChanges ? " (UTC" + OFFSET.format(local) + ")" : "");
            hours.add(new Hour(
                    label,
                    posts.stream()
                            .filter(post ->
                                    !placed(post).isBefore(from) && placed(post).isBefore(until))
                            .map(post -> entry(post, zone))
                            .toList()));
        }
        return hours;
    }

    private static List<Entry> entries(List<Post> posts, ZoneId zone, LocalDate day) {
        return posts.stream()
                .filter(post -> placed(post).atZone(zone).toLocalDate().equals(day))
                .map(post -> entry(post, zone))
                .toList();
    }

    private static Entry entry(Post post, ZoneId zone) {
        return new Entry(
                post.id(),
                TIME.format(placed(post).atZone(zone)),
                PostLabels.titleOf(post),
                PostLabels.of(post.status()),
                PostLabels.cssClass(post.status()));
    }

    private static Instant placed(Post post) {
        return java.util.Objects.requireNonNull(post.scheduledAt());
    }

    /** The posts with a time in [from, to), cancelled ones left out, by time. */
    private List<Post> postsBetween(Instant from, Instant to) {
        List<Post> found = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            CursorPage<Post> page = workflow.posts(PageRequest.of(PageRequest.MAX_LIMIT, cursor), null, from, to);
            page.items().stream()
                    .filter(post -> post.scheduledAt() != null && post.status() != PostStatus.CANCELLED)
                    .forEach(found::add);
            cursor = page.nextCursor();
        } while (cursor != null && found.size() < MOST_POSTS);
        found.sort(Comparator.comparing(PublishingCalendar::placed));
        return found;
    }

    private static String title(View view, LocalDate date, LocalDate first) {
        return switch (view) {
            case MONTH -> date.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
            case WEEK -> "Week of " + first.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
            case DAY -> date.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH));
        };
    }

    private static LocalDate step(View view, LocalDate date, int direction) {
        return switch (view) {
            case MONTH -> date.plusMonths(direction).withDayOfMonth(1);
            case WEEK -> date.plusWeeks(direction);
            case DAY -> date.plusDays(direction);
        };
    }
}
