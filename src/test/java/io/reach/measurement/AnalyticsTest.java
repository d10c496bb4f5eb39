package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.ingest.Sessionizer;
import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.tenancy.TenantManagement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Ingested events answered from rollups: time series, top pages, robots, late events, idempotent re-runs, isolation. */
@ReachTest
class AnalyticsTest {

    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    @Autowired
    Api api;

    @Autowired
    Sessionizer sessionizer;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    TrackerRollups rollups;

    @Autowired
    TenantManagement tenants;

    @Test
    void eventsAreCountedFromRollupsOnceLateOnesIncludedAndRobotsLeftOut() {
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "site");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant earlier = hour.minus(5, ChronoUnit.HOURS).plusSeconds(60);
        ingest(key, """
                [{"event_type": "page_view", "page_url": "/pricing", "session_id": "s1", "created_at": "%1$s", "event_value": 2},
                 {"event_type": "page_view", "page_url": "/pricing", "session_id": "s2", "created_at": "%1$s", "event_value": 4},
                 {"event_type": "page_view", "page_url": "/blog", "session_id": "s1", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "/pricing", "user_agent": "%2$s", "created_at": "%1$s"}]""".formatted(earlier, GOOGLEBOT));

        rollups.runDue();
        rollups.runDue();
        String from = "from=" + hour.minus(1, ChronoUnit.DAYS) + "&to=" + hour.plus(2, ChronoUnit.HOURS);

        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=hour&" + from))
                .as("bots left out")
                .isEqualTo(3);
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=hour&include_bots=true&" + from))
                .isEqualTo(4);
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=value_sum&interval=day&" + from))
                .isEqualTo(6);
        JsonNode top = api.get("/api/v1/analytics/top?dimension=page_url&" + from, ada.accessToken())
                .json()
                .get("items");
        assertThat(top.get(0).get("value").asString()).isEqualTo("/pricing");
        assertThat(top.get(0).get("events").asLong()).isEqualTo(2);
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=hour&page_url=/blog&" + from))
                .isEqualTo(1);
        assertThat(total(
                        ada,
                        "/api/v1/analytics/timeseries?metric=events&interval=hour&page_url=/pricing"
                                + "&event_type=page_view&" + from))
                .as("two filters read the all-dimension rollup")
                .isEqualTo(2);
        assertThat(api.get("/api/v1/analytics/top?dimension=page_url&event_type=page_view&" + from, ada.accessToken())
                        .json()
                        .get("items")
                        .get(0)
                        .get("events")
                        .asLong())
                .isEqualTo(2);

        ingest(
                key,
                "[{\"event_type\": \"page_view\", \"page_url\": \"/late\", \"created_at\": \"%s\"}]"
                        .formatted(hour.minus(2, ChronoUnit.HOURS).plusSeconds(5)));
        ingest(
                key,
                "[{\"event_type\": \"page_view\", \"page_url\": \"/now\", \"created_at\": \"%s\"}]"
                        .formatted(Instant.now().minusSeconds(1)));
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=hour&" + from))
                .as("the rolled-up hours, the current one included, are as of the last run")
                .isEqualTo(3);
        rollups.runDue();
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=hour&" + from))
                .as("the next run counts the new event and the late one within the lookback")
                .isEqualTo(5);

        var rebuilt = api.post(
                "/api/v1/analytics/rollups/rebuild",
                ada.accessToken(),
                "{\"from\": \"%s\", \"to\": \"%s\"}"
                        .formatted(
                                hour.minus(2, ChronoUnit.DAYS).toString().substring(0, 10),
                                hour.plus(1, ChronoUnit.DAYS).toString().substring(0, 10)));
        assertThat(rebuilt.status())
                .as("a rebuild runs in the background: " + rebuilt.body())
                .isEqualTo(202);
        JsonNode finished = awaitRebuild(ada, rebuilt.header("Location"));
        assertThat(finished.get("status").asString()).isEqualTo("done");
        assertThat(finished.get("days_total").asInt()).isEqualTo(3);
        assertThat(finished.get("days_done").asInt()).isEqualTo(3);
        assertThat(api.get(rebuilt.header("Location"), accounts.owner().accessToken())
                        .status())
                .as("another tenant's rebuild")
                .isEqualTo(404);
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=hour&" + from))
                .as("a rebuild gives the same answer")
                .isEqualTo(5);
        var csv = api.get("/api/v1/analytics/top?dimension=page_url&format=csv&" + from, ada.accessToken());
        assertThat(csv.body()).startsWith("page_url,events,sessions\n/pricing,2,2\n");
        assertThat(dailyEvents(ada.tenantId())).isGreaterThanOrEqualTo(3);

        Accounts.SignedIn eve = accounts.owner();
        assertThat(total(eve, "/api/v1/analytics/timeseries?metric=events&interval=hour&" + from))
                .isZero();
        assertThat(api.get("/api/v1/analytics/timeseries?metric=clicks", ada.accessToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/analytics/top?dimension=password", ada.accessToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/analytics/timeseries?time_zone=Mars/Olympus", ada.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void sessionsAreEventsOfOneSessionIdAtMostThirtyMinutesApart() {
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "site");
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String batch = """
                [{"event_id": "a1", "event_type": "page_view", "session_id": "s1", "created_at": "%1$s"},
                 {"event_id": "a2", "event_type": "page_view", "session_id": "s1", "created_at": "%2$s"},
                 {"event_id": "b1", "event_type": "page_view", "session_id": "s2", "created_at": "%1$s"},
                 {"event_id": "a3", "event_type": "page_view", "session_id": "s1", "created_at": "%3$s"}]""".formatted(start, start.plusSeconds(120), start.plus(50, ChronoUnit.MINUTES));
        ingest(key, batch);
        ingest(key, batch);
        sessionizer.drain(TenantId.of(ada.tenantId()));
        String window = "from=" + start.minus(1, ChronoUnit.HOURS) + "&to=" + Instant.now();

        JsonNode summary = api.get("/api/v1/analytics/sessions?" + window, ada.accessToken())
                .json();

        assertThat(summary.get("sessions").asLong())
                .as("s1, s2 and s1 again after a 48-minute pause")
                .isEqualTo(3);
        assertThat(summary.get("bounce_rate").asDouble())
                .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.001));
        assertThat(summary.get("average_duration_seconds").asDouble())
                .isCloseTo(40.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(api.get(
                                "/api/v1/analytics/sessions?" + window,
                                accounts.owner().accessToken())
                        .json()
                        .get("sessions")
                        .asLong())
                .isZero();
    }

    @Test
    void aSessionLongerThanTheGapIsOneSessionWhenNoSilenceBetweenItsEventsIs() {
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "site");
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        // the fold sorts only session ids whose events span more than the gap; "long" spans 60 minutes in
        // steps of 20 (one session), "split" has a 45-minute silence (two), "short" stays within the gap (one)
        ingest(key, """
                [{"event_id": "l1", "event_type": "page_view", "session_id": "long", "created_at": "%1$s"},
                 {"event_id": "l2", "event_type": "page_view", "session_id": "long", "created_at": "%2$s"},
                 {"event_id": "s1", "event_type": "page_view", "session_id": "split", "created_at": "%1$s"},
                 {"event_id": "l3", "event_type": "page_view", "session_id": "long", "created_at": "%3$s"},
                 {"event_id": "s2", "event_type": "page_view", "session_id": "split", "created_at": "%4$s"},
                 {"event_id": "l4", "event_type": "page_view", "session_id": "long", "created_at": "%5$s"},
                 {"event_id": "t1", "event_type": "page_view", "session_id": "short", "created_at": "%2$s"},
                 {"event_id": "t2", "event_type": "page_view", "session_id": "short", "created_at": "%6$s"}]""".formatted(
                        start,
                        start.plus(20, ChronoUnit.MINUTES),
                        start.plus(40, ChronoUnit.MINUTES),
                        start.plus(45, ChronoUnit.MINUTES),
                        start.plus(60, ChronoUnit.MINUTES),
                        start.plus(25, ChronoUnit.MINUTES)));
        sessionizer.drain(TenantId.of(ada.tenantId()));
        String window = "from=" + start.minus(1, ChronoUnit.HOURS) + "&to=" + Instant.now();

        JsonNode summary = api.get("/api/v1/analytics/sessions?" + window, ada.accessToken())
                .json();

        assertThat(summary.get("sessions").asLong())
                .as("long once, split twice, short once")
                .isEqualTo(4);
        assertThat(summary.get("average_duration_seconds").asDouble())
                .as("(3,600 + 0 + 0 + 300) / 4 seconds")
                .isCloseTo(975.0, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void wholeDaysAreReadFromTheDailyRollupInTheTenantsZoneWithSessionsDistinctPerDay() {
        Accounts.SignedIn ada = accounts.owner();
        tenants.replaceSettings(ada.tenantId(), java.util.Map.of("time_zone", "Europe/Paris"));
        String key = accounts.ingestKey(ada, "site");
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate day = LocalDate.now(paris).minusDays(2);
        Instant morning = day.atTime(10, 10).atZone(paris).toInstant();
        ingest(key, """
                [{"event_type": "page_view", "page_url": "/a", "session_id": "s1", "created_at": "%s"},
                 {"event_type": "page_view", "page_url": "/a", "session_id": "s1", "created_at": "%s"},
                 {"event_type": "page_view", "page_url": "/b", "session_id": "s2", "created_at": "%s"}]""".formatted(
                        morning,
                        morning.plus(100, ChronoUnit.MINUTES),
                        day.plusDays(1).atTime(9, 0).atZone(paris).toInstant()));
        rollups.runDue();
        String range = "from=" + day.atStartOfDay(paris).toInstant() + "&to="
                + day.plusDays(2).atStartOfDay(paris).toInstant();

        JsonNode daily = api.get(
                        "/api/v1/analytics/timeseries?metric=sessions&interval=day&" + range, ada.accessToken())
                .json()
                .get("items");
        assertThat(daily.size()).isEqualTo(2);
        assertThat(java.time.OffsetDateTime.parse(daily.get(0).get("period").asString()))
                .isEqualTo(day.atStartOfDay(paris).toOffsetDateTime());
        assertThat(daily.get(0).get("value").asDouble())
                .as("s1 counted once in its day, though seen in two hours")
                .isEqualTo(1);
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=sessions&interval=hour&" + range))
                .as("by the hour, s1 counts in each hour it was seen")
                .isEqualTo(3);
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=day&time_zone=UTC&" + range))
                .as("another zone is answered from hours")
                .isEqualTo(3);
        JsonNode top = api.get("/api/v1/analytics/top?dimension=page_url&" + range, ada.accessToken())
                .json()
                .get("items");
        assertThat(top.get(0).get("value").asString()).isEqualTo("/a");
        assertThat(top.get(0).get("events").asLong()).isEqualTo(2);
        assertThat(top.get(0).get("sessions").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/analytics/top?dimension=page_url&page_url=/b&" + range, ada.accessToken())
                        .json()
                        .get("items")
                        .get(0)
                        .get("events")
                        .asLong())
                .isEqualTo(1);

        JsonNode metrics = api.get("/api/v1/analytics/daily?" + range, ada.accessToken())
                .json()
                .get("items");
        assertThat(metrics.valueStream()
                        .filter(m -> m.get("metric_name").asString().equals("events"))
                        .filter(m -> m.get("date_recorded").asString().equals(day.toString()))
                        .map(m -> m.get("metric_value").asDouble())
                        .toList())
                .as("daily_analytics through the API")
                .containsExactly(2.0);
        assertThat(api.get("/api/v1/analytics/daily?" + range, accounts.owner().accessToken())
                        .json()
                        .get("items")
                        .size())
                .as("another tenant's daily metrics")
                .isZero();
        assertThat(api.get("/api/v1/analytics/daily?from=yesterday", ada.accessToken())
                        .status())
                .isEqualTo(400);

        tenants.replaceSettings(ada.tenantId(), java.util.Map.of("time_zone", "UTC"));
        rollups.runDue();
        assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=day&" + range))
                .as("after a zone change the daily rollup is cut in the new zone")
                .isEqualTo(3);
    }

    @Test
    void sessionsAndUsersAreDistinctTheSameFromRawEventsAndFromEveryRollup() {
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "site");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Instant at = yesterday.atTime(10, 5).toInstant(ZoneOffset.UTC);
        ingest(key, """
                [{"event_type": "view", "page_url": "/a", "session_id": "s1", "user_id": "u1", "created_at": "%1$s"},
                 {"event_type": "view", "page_url": "/b", "session_id": "s1", "user_id": "u1", "created_at": "%1$s"},
                 {"event_type": "view", "page_url": "/a", "session_id": "s2", "user_id": "u1", "created_at": "%1$s"},
                 {"event_type": "view", "page_url": "/a", "session_id": "s3", "user_id": "u2", "created_at": "%1$s"},
                 {"event_type": "view", "page_url": "/a", "session_id": "s3", "created_at": "%1$s"},
                 {"event_type": "view", "page_url": "/a", "created_at": "%1$s"},
                 {"event_type": "view", "page_url": "/b", "user_id": "u3", "created_at": "%1$s"}]""".formatted(at));
        String range = "&from=" + yesterday.atStartOfDay(ZoneOffset.UTC).toInstant() + "&to="
                + yesterday.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> questions = List.of(
                "metric=sessions&interval=hour",
                "metric=users&interval=hour",
                "metric=sessions&interval=day",
                "metric=users&interval=day",
                "metric=events&interval=day",
                "metric=sessions&interval=day&page_url=/a",
                "metric=users&interval=day&page_url=/a",
                "metric=users&interval=hour&page_url=/b",
                "metric=sessions&interval=hour&page_url=/b",
                "metric=users&interval=hour&page_url=/a&event_type=view",
                "metric=sessions&interval=hour&page_url=/a&event_type=view");
        Supplier<List<Double>> answers = () -> questions.stream()
                .map(question -> total(ada, "/api/v1/analytics/timeseries?" + question + range))
                .toList();

        var fromRawEvents = answers.get();
        rollups.runDue();

        assertThat(fromRawEvents)
                .as("s1–s3 and u1–u3; /a: s1–s3, u1–u2; /b: s1, u1 and u3")
                .containsExactly(3.0, 3.0, 3.0, 3.0, 7.0, 3.0, 2.0, 2.0, 1.0, 2.0, 3.0);
        assertThat(answers.get()).as("from the hourly and daily rollups").isEqualTo(fromRawEvents);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "site");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ingest(key, """
                [{"event_type": "page_view", "page_url": "=HYPERLINK(\\"https://evil.example\\",\\"Click\\")", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "=HYPERLINK(\\"https://evil.example\\",\\"Click\\")", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "@SUM(1+1)*cmd|' /C calc'!A0", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "+1-2", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "-2+3", "created_at": "%1$s"}]""".formatted(at));
        rollups.runDue();
        String range = "from=" + at.minus(1, ChronoUnit.HOURS) + "&to=" + at.plus(1, ChronoUnit.HOURS);

        var csv = api.get("/api/v1/analytics/top?dimension=page_url&format=csv&" + range, ada.accessToken());

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("page_url,events,sessions");
        assertThat(lines.subList(1, lines.size()))
                .as("each cell a spreadsheet would evaluate is quoted behind a '")
                .map(line -> line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)))
                .containsExactlyInAnyOrder(
                        "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"",
                        "\"'@SUM(1+1)*cmd|' /C calc'!A0\"",
                        "\"'+1-2\"",
                        "\"'-2+3\"");
        assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(").contains("\",2,");
    }

    private JsonNode awaitRebuild(Accounts.SignedIn who, String location) {
        assertThat(location).matches(".*/api/v1/analytics/rollups/rebuilds/[0-9a-f-]{36}");
        String path = location.substring(location.indexOf("/api/"));
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> {
                    var response = api.get(path, who.accessToken());
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    last[0] = response.json();
                    return !List.of("queued", "running")
                            .contains(last[0].get("status").asString());
                });
        return last[0];
    }

    private void ingest(String key, String batch) {
        var response = api.post("/api/v1/ingest/trackers", key, batch);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("rejected").size()).as(response.body()).isZero();
    }

    private double total(Accounts.SignedIn who, String path) {
        var response = api.get(path, who.accessToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json()
                .get("items")
                .valueStream()
                .mapToDouble(point -> point.get("value").asDouble())
                .sum();
    }

    private long dailyEvents(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject(
                    "select coalesce(sum(metric_value), 0)::bigint from measurement.daily_analytics"
                            + " where metric_name = 'events'",
                    Long.class);
        });
    }
}
