package io.reach.measurement.ingest;

import io.reach.platform.demo.DemoSeed;
import io.reach.platform.demo.DemoWorkspace;
import io.reach.platform.ids.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo shop's month of visits, written through the same writer as ingestion (so sessions and
 * rollups follow as for real traffic): more on weekdays and growing over the month, busiest in the
 * afternoon; a plausible mix of pages, referrers, devices and countries; about half the visits see
 * one page. Deterministic: the same demo every time.
 */
@Component
class TrafficDemoSeed implements DemoSeed {

    private static final List<String> PAGES = List.of(
            "/",
            "/",
            "/",
            "/shop",
            "/shop",
            "/shop/linen-shirt",
            "/shop/oak-table",
            "/shop/denim-jacket",
            "/blog/style-a-denim-jacket",
            "/blog/leather-care",
            "/about",
            "/checkout",
            "/pricing");
    private static final List<@Nullable String> REFERRERS = Arrays.asList(
            null,
            null,
            null,
            "https://www.google.com/",
            "https://www.google.com/",
            "https://www.google.com/",
            "https://www.bing.com/",
            "https://duckduckgo.com/",
            "https://www.instagram.com/",
            "https://www.facebook.com/",
            "https://news.ycombinator.com/",
            "https://newsletter.shop.example/");
    private static final List<String[]> AGENTS = List.of(
            new String[] {"Desktop", "Chrome", "Windows"},
            new String[] {"Desktop", "Chrome", "Windows"},
            new String[] {"Desktop", "Chrome", "Mac OS"},
            new String[] {"Desktop", "Safari", "Mac OS"},
            new String[] {"Desktop", "Firefox", "Linux"},
            new String[] {"Desktop", "Edge", "Windows"},
            new String[] {"Phone", "Mobile Safari", "iOS"},
            new String[] {"Phone", "Mobile Safari", "iOS"},
            new String[] {"Phone", "Chrome Mobile", "Android"},
            new String[] {"Phone", "Chrome Mobile", "Android"},
            new String[] {"Tablet", "Mobile Safari", "iOS"});
    /** Countries only, as the bundled country database places visitors: no made-up regions or cities. */
    private static final List<String[]> PLACES = List.of(
            new String[] {"GB", "United Kingdom"},
            new String[] {"GB", "United Kingdom"},
            new String[] {"GB", "United Kingdom"},
            new String[] {"GB", "United Kingdom"},
            new String[] {"US", "United States"},
            new String[] {"US", "United States"},
            new String[] {"IE", "Ireland"},
            new String[] {"DE", "Germany"},
            new String[] {"FR", "France"},
            new String[] {"NL", "Netherlands"});

    private final TrackerWriter writer;
    private final IngestSites sites;
    private final Ids ids;

    TrafficDemoSeed(TrackerWriter writer, IngestSites sites, Ids ids) {
        this.writer = writer;
        this.sites = sites;
        this.ids = ids;
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public String describe() {
        return "a month of website traffic";
    }

    @Override
    public void seed(DemoWorkspace workspace) {
        var site = sites.chosen(workspace.tenant(), null).id();
        for (int daysAgo = workspace.days() - 1; daysAgo >= 0; daysAgo--) {
            List<TrackerEvent> day = day(workspace, daysAgo);
            if (!day.isEmpty()) {
                writer.write(workspace.tenant(), site, day, workspace.now());
            }
        }
    }

    /** One day's visits; today's only up to now. */
    private List<TrackerEvent> day(DemoWorkspace demo, int daysAgo) {
        var date = demo.now().atZone(demo.zone()).toLocalDate().minusDays(daysAgo);
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        int visits = (weekend ? 90 : 150) + (demo.days() - daysAgo) * 2 + demo.pick("visits", daysAgo, 40);
        List<TrackerEvent> events = new ArrayList<>();
        for (int v = 0; v < visits; v++) {
            long n = daysAgo * 10_000L + v;
            // afternoon-heavy: the later of two uniform hours, from 7:00
            int hour = 7 + Math.max(demo.pick("hour-a", n, 16), demo.pick("hour-b", n, 16));
            Instant start = date.atTime(LocalTime.of(hour, demo.pick("minute", n, 60)))
                    .atZone(demo.zone())
                    .toInstant();
            int pages = demo.pick("bounce", n, 100) < 48 ? 1 : 2 + demo.pick("depth", n, 5);
            for (int p = 0; p < pages; p++) {
                Instant at = start.plus(Duration.ofSeconds(p * (20L + demo.pick("dwell", n * 7 + p, 160))));
                if (at.isBefore(demo.now())) {
                    events.add(view(demo, n, p, at));
                }
            }
        }
        return events;
    }

    private TrackerEvent view(DemoWorkspace demo, long visit, int page, Instant at) {
        String[] agent = AGENTS.get(demo.pick("agent", visit, AGENTS.size()));
        String[] place = PLACES.get(demo.pick("place", visit, PLACES.size()));
        return new TrackerEvent(
                ids.next(),
                "demo-" + visit + "-" + page,
                "demo-" + visit,
                null,
                "page_view",
                null,
                null,
                null,
                "https://shop.example" + PAGES.get(demo.pick("page", visit * 11 + page, PAGES.size())),
                page == 0 ? REFERRERS.get(demo.pick("referrer", visit, REFERRERS.size())) : null,
                null,
                null,
                agent[0],
                agent[1],
                agent[2],
                null,
                null,
                "{}",
                false,
                at,
                null,
                null,
                new Geolocation.Place(place[0], place[1], null, null, null, null, null));
    }
}
