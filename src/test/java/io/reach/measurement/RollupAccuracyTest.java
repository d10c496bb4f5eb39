package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.ingest.Sessionizer;
import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.tenancy.TenantManagement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Numbers a user can trust (issue 14, points 1–3): every accepted event is in the rollups after one run whatever its
 * age, one visitor count per period on every endpoint, and e-mail engagement kept apart from a site's traffic.
 */
@ReachTest
class RollupAccuracyTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    TrackerRollups rollups;

    @Autowired
    Sessionizer sessionizer;

    @Autowired
    TenantManagement tenants;

    @Autowired
    EngagementEvents engagements;

    @Autowired
    TenantTransactions transactions;

    /** One generated event: its age (inside the late window), session and user, and the batch it arrives in. */
    record Generated(long ageSeconds, int session, int user, int batch) {}

    /**
     * Property (jqwik generators, a few examples so it runs in seconds): events of random ages inside the late window
     * arriving in random orders and batches, with rollup runs between the batches, are all in the hourly and daily
     * rollups after one more run: events, sessions and users per hour and per local day equal counts over raw events.
     */
    @Test
    void afterOneRunTheRollupsEqualCountsOverRawEventsWhateverTheArrivalOrderAndAge() {
        Arbitrary<Generated> event = Combinators.combine(
                        Arbitraries.longs().between(60, 6 * 86_400 + 20 * 3_600),
                        Arbitraries.integers().between(0, 11),
                        Arbitraries.integers().between(-1, 4),
                        Arbitraries.integers().between(0, 3))
                .as(Generated::new);
        Arbitrary<String> zone = Arbitraries.of("Europe/Paris", "America/New_York", "Asia/Kolkata", "UTC");
        Random random = new Random(14);
        for (int example = 0; example < 3; example++) {
            JqwikSession.start(); // jqwik generators outside a jqwik property (the application context is JUnit's)
            List<Generated> generated;
            ZoneId tenantZone;
            ZoneId siteZone;
            try {
                generated = event.list()
                        .ofMinSize(20)
                        .ofMaxSize(60)
                        .generator(100)
                        .next(random)
                        .value();
                tenantZone = ZoneId.of(zone.generator(100).next(random).value());
                siteZone = ZoneId.of(zone.generator(100).next(random).value());
            } finally {
                JqwikSession.finish();
            }
            check(generated, tenantZone, siteZone, random);
        }
    }

    /**
     * Two sites of one workspace, the second in a zone of its own; each event goes to one of them at random, so one
     * session id is often on both sites (two sessions, never added into one).
     */
    private void check(List<Generated> generated, ZoneId zone, ZoneId siteZone, Random random) {
        Accounts.SignedIn ada = accounts.owner();
        tenants.replaceSettings(ada.tenantId(), Map.of("time_zone", zone.getId()));
        String key = apiKey(ada);
        String second = api.post(
                        "/api/v1/sites",
                        ada.accessToken(),
                        "{\"name\": \"second\", \"time_zone\": \"%s\"}".formatted(siteZone.getId()))
                .json()
                .get("id")
                .asString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        rollups.runDue();
        for (int batch = 0; batch < 4; batch++) {
            List<String> events = new ArrayList<>();
            List<String> secondEvents = new ArrayList<>();
            for (Generated g : generated) {
                if (g.batch() == batch) {
                    (random.nextBoolean() ? events : secondEvents)
                            .add(
                                    "{\"event_type\": \"page_view\", \"page_url\": \"/p%d\", \"session_id\": \"s%d\"%s, \"created_at\": \"%s\"}"
                                            .formatted(
                                                    g.session() % 3,
                                                    g.session(),
                                                    g.user() < 0 ? "" : ", \"user_id\": \"u" + g.user() + "\"",
                                                    now.minusSeconds(g.ageSeconds())));
                }
            }
            java.util.Collections.shuffle(events, random);
            if (!events.isEmpty()) {
                ingest(key, "[" + String.join(",", events) + "]");
            }
            if (!secondEvents.isEmpty()) {
                ingest(key, "?site_id=" + second, "[" + String.join(",", secondEvents) + "]");
            }
            if (random.nextBoolean()) {
                rollups.runDue();
            }
        }

        rollups.runDue();

        UUID tenant = ada.tenantId();
        assertThat(bySite(
                        tenant,
                        "select site_id, bucket, sum(events), sum(sessions), sum(users)"
                                + " from measurement.tracker_hourly_totals where tenant_id = ? group by 1, 2 order by 1, 2",
                        tenant))
                .as("hourly rollup = raw events per site and UTC hour (%d events, zone %s)", generated.size(), zone)
                .isEqualTo(bySite(
                        tenant,
                        "select site_id, date_trunc('hour', created_at, 'UTC'), count(*),"
                                + " count(distinct session_id), count(distinct user_id) from measurement.trackers where tenant_id = ?"
                                + " group by 1, 2 order by 1, 2",
                        tenant));
        String siteZoneOf = "coalesce(s.time_zone, ?)";
        String beforeToday = " < date_trunc('day', now(), " + siteZoneOf + ")";
        assertThat(bySite(
                        tenant,
                        "select d.site_id, d.bucket, sum(events), sum(sessions), sum(users)"
                                + " from measurement.tracker_daily_totals d join measurement.sites s on s.id = d.site_id"
                                + " where d.tenant_id = ? and d.bucket" + beforeToday + " group by 1, 2 order by 1, 2",
                        tenant,
                        zone.getId()))
                .as(
                        "daily rollup = raw events per site and local day of its zone (%s, the second site %s)",
                        zone, siteZone)
                .isEqualTo(bySite(
                        tenant,
                        "select t.site_id, date_trunc('day', t.created_at, " + siteZoneOf + "), count(*),"
                                + " count(distinct t.session_id), count(distinct t.user_id) from measurement.trackers t"
                                + " join measurement.sites s on s.id = t.site_id where t.tenant_id = ? and t.created_at"
                                + beforeToday
                                + " group by 1, 2 order by 1, 2",
                        zone.getId(),
                        tenant,
                        zone.getId()));
    }

    private List<String> bySite(UUID tenant, String sql, Object... args) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.query(
                    sql,
                    (rs, row) -> rs.getString(1) + " "
                            + rs.getObject(2, java.time.OffsetDateTime.class).toInstant() + " " + rs.getLong(3) + " "
                            + rs.getLong(4) + " " + rs.getLong(5),
                    args);
        });
    }

    /**
     * Today so far, one hour and a 3-day range in a zone that is not UTC: the day and hour series, the top list and
     * the sessions summary give the same number of sessions (and the series the same users as raw events).
     */
    @Test
    void samePeriodSameNumberOnEveryEndpoint() {
        ZoneId zone = java.util.stream.Stream.of("America/New_York", "Europe/Paris", "Asia/Tokyo", "Pacific/Auckland")
                .map(ZoneId::of)
                .filter(z -> java.time.LocalTime.now(z).getHour() >= 3)
                .findFirst()
                .orElseThrow();
        Accounts.SignedIn ada = accounts.owner();
        tenants.replaceSettings(ada.tenantId(), Map.of("time_zone", zone.getId()));
        String key = apiKey(ada);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(zone);
        Instant todayStart = today.atStartOfDay(zone).toInstant();
        Instant rangeStart = today.minusDays(3).atStartOfDay(zone).toInstant();
        Instant lastHour = now.truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        List<String> events = new ArrayList<>();
        for (int day = 3; day >= 1; day--) {
            LocalDate date = today.minusDays(day);
            for (int s = 0; s < 4; s++) {
                // sessions across an hour boundary (10:50 to 11:10), users returning in later hours and days
                Instant first = date.atTime(10 + s, 50).atZone(zone).toInstant();
                events.add(event("d" + day + "s" + s, "u" + s, "/a", first));
                events.add(event("d" + day + "s" + s, "u" + s, "/b", first.plus(20, ChronoUnit.MINUTES)));
            }
        }
        // one session across midnight inside the range
        Instant lateNight = today.minusDays(2).atTime(23, 50).atZone(zone).toInstant();
        events.add(event("midnight", "u9", "/a", lateNight));
        events.add(event("midnight", "u9", "/a", lateNight.plus(20, ChronoUnit.MINUTES)));
        // today: sessions across hour boundaries, users returning, all before now
        for (int s = 0; s < 5; s++) {
            Instant first = todayStart.plus(Duration.between(todayStart, lastHour.minus(25, ChronoUnit.MINUTES))
                    .multipliedBy(s)
                    .dividedBy(5));
            events.add(event("t" + s, "u" + (s % 2), "/a", first));
            events.add(event("t" + s, "u" + (s % 2), "/b", first.plus(20, ChronoUnit.MINUTES)));
        }
        // the last whole hour: two sessions inside it, one user twice
        events.add(event("h1", "u1", "/a", lastHour.plus(5, ChronoUnit.MINUTES)));
        events.add(event("h1", "u1", "/b", lastHour.plus(9, ChronoUnit.MINUTES)));
        events.add(event("h2", "u1", "/a", lastHour.plus(30, ChronoUnit.MINUTES)));
        ingest(key, "[" + String.join(",", events) + "]");
        sessionizer.drain(TenantId.of(ada.tenantId()));
        rollups.runDue();

        assertSameEverywhere(ada, todayStart, now, zone, "today so far");
        assertSameEverywhere(ada, lastHour, lastHour.plus(1, ChronoUnit.HOURS), zone, "the last hour");
        assertThat(hourSeries(ada, lastHour, lastHour.plus(1, ChronoUnit.HOURS), "sessions"))
                .as("the hour series for that hour")
                .isEqualTo(rawDistinct(ada, "session_id", lastHour, lastHour.plus(1, ChronoUnit.HOURS)));
        assertThat(hourSeries(ada, lastHour, lastHour.plus(1, ChronoUnit.HOURS), "users"))
                .isEqualTo(rawDistinct(ada, "user_id", lastHour, lastHour.plus(1, ChronoUnit.HOURS)));
        assertSameEverywhere(ada, rangeStart, todayStart, zone, "three whole days");
        for (int day = 3; day >= 1; day--) {
            Instant from = today.minusDays(day).atStartOfDay(zone).toInstant();
            Instant to = today.minusDays(day - 1).atStartOfDay(zone).toInstant();
            long sessions = rawDistinct(ada, "session_id", from, to);
            assertThat(daySeries(ada, from, to, "sessions")).as("day %d", day).containsExactly(sessions);
            assertThat(topSessions(ada, from, to)).as("top of day %d", day).isEqualTo(sessions);
            assertThat(daySeries(ada, from, to, "users")).containsExactly(rawDistinct(ada, "user_id", from, to));
        }
    }

    private void assertSameEverywhere(Accounts.SignedIn who, Instant from, Instant to, ZoneId zone, String period) {
        long sessions = rawDistinct(who, "session_id", from, to);
        long users = rawDistinct(who, "user_id", from, to);
        String range = "from=" + from + "&to=" + to;
        JsonNode summary = api.get("/api/v1/analytics/sessions?" + range, who.accessToken())
                .json();
        assertThat(summary.get("sessions").asLong()).as("/sessions, %s", period).isEqualTo(sessions);
        assertThat(topSessions(who, from, to))
                .as("/top (event_type), %s", period)
                .isEqualTo(sessions);
        if (Duration.between(from, to).compareTo(Duration.ofDays(1)) <= 0) {
            assertThat(daySeries(who, from, to, "sessions").stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .as("day series, %s (in %s)", period, zone)
                    .isEqualTo(sessions);
            assertThat(daySeries(who, from, to, "users").stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .as("day series users, %s", period)
                    .isEqualTo(users);
        }
    }

    private long topSessions(Accounts.SignedIn who, Instant from, Instant to) {
        JsonNode top = items(
                api.get("/api/v1/analytics/top?dimension=event_type&from=" + from + "&to=" + to, who.accessToken())
                        .json());
        return top.size() == 0 ? 0 : top.get(0).get("sessions").asLong();
    }

    private List<Long> daySeries(Accounts.SignedIn who, Instant from, Instant to, String metric) {
        var response = api.get(
                "/api/v1/analytics/timeseries?metric=" + metric + "&interval=day&from=" + from + "&to=" + to,
                who.accessToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return items(response.json())
                .valueStream()
                .map(p -> p.get("value").asLong())
                .filter(v -> v != 0)
                .toList();
    }

    private long hourSeries(Accounts.SignedIn who, Instant from, Instant to, String metric) {
        var response = api.get(
                "/api/v1/analytics/timeseries?metric=" + metric + "&interval=hour&from=" + from + "&to=" + to,
                who.accessToken());
        return items(response.json())
                .valueStream()
                .mapToLong(p -> p.get("value").asLong())
                .sum();
    }

    private long rawDistinct(Accounts.SignedIn who, String column, Instant from, Instant to) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + who.tenantId() + "'");
            return jdbc.queryForObject(
                    "select count(distinct " + column + ") from measurement.trackers where tenant_id = ?"
                            + " and created_at >= ? and created_at < ?",
                    Long.class,
                    who.tenantId(),
                    java.sql.Timestamp.from(from),
                    java.sql.Timestamp.from(to));
        });
    }

    /**
     * E-mail opens and clicks (human and machine) are Reach's own channel engagement: the site's top pages and sessions
     * do not change, and the campaign analytics still count them.
     */
    @Test
    void emailEngagementStaysOutOfTheSitesAnalyticsAndInTheCampaigns() {
        Accounts.SignedIn ada = accounts.owner();
        String key = apiKey(ada);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ingest(key, "[" + event("visit", "u1", "/pricing", now.minus(10, ChronoUnit.MINUTES)) + "]");
        TenantId tenant = TenantId.of(ada.tenantId());
        sessionizer.drain(tenant);
        rollups.runDue();
        String range = "from=" + now.minus(1, ChronoUnit.DAYS) + "&to=" + now.plus(1, ChronoUnit.HOURS);
        JsonNode pagesBefore = items(api.get("/api/v1/analytics/top?dimension=page_url&" + range, ada.accessToken())
                .json());
        JsonNode sessionsBefore = api.get("/api/v1/analytics/sessions?" + range, ada.accessToken())
                .json();

        String page = "/email-campaigns/" + UUID.randomUUID();
        engagements.record(
                tenant,
                new EngagementEvents.Engagement(
                        "email_open", page, "send-1", null, "Mozilla/5.0", false, now.minusSeconds(30)));
        engagements.record(
                tenant,
                new EngagementEvents.Engagement(
                        "email_click",
                        page,
                        "send-1",
                        "https://example.com",
                        "Mozilla/5.0",
                        false,
                        now.minusSeconds(20)));
        engagements.record(
                tenant,
                new EngagementEvents.Engagement(
                        "email_open", page, "send-2", null, "Mozilla/5.0", true, now.minusSeconds(10)));
        sessionizer.drain(tenant);
        rollups.runDue();

        assertThat(items(api.get("/api/v1/analytics/top?dimension=page_url&" + range, ada.accessToken())
                        .json()))
                .as("top pages")
                .isEqualTo(pagesBefore);
        assertThat(items(api.get(
                                        "/api/v1/analytics/top?dimension=page_url&include_bots=true&" + range,
                                        ada.accessToken())
                                .json())
                        .toString())
                .doesNotContain("email-campaigns");
        assertThat(api.get("/api/v1/analytics/sessions?" + range, ada.accessToken())
                        .json())
                .as("sessions, bounce rate")
                .isEqualTo(sessionsBefore);
        assertThat(api.get("/api/v1/analytics/sessions?include_bots=true&" + range, ada.accessToken())
                        .json()
                        .get("sessions")
                        .asLong())
                .isEqualTo(1);
        Instant from = now.minus(1, ChronoUnit.DAYS);
        Instant to = now.plus(1, ChronoUnit.HOURS);
        assertThat(transactions.inTransactionAs(tenant, () -> engagements.eventsByPage("email_open", from, to)))
                .as("human opens per campaign page")
                .containsExactly(Map.entry(page, 1L));
        assertThat(transactions.inTransactionAs(tenant, () -> engagements.eventsByPage("email_click", from, to)))
                .containsExactly(Map.entry(page, 1L));
        assertThat(transactions
                        .inTransactionAs(
                                tenant, () -> engagements.dailyOnPage("email_open", page, from, to, ZoneId.of("UTC")))
                        .stream()
                        .mapToLong(EngagementEvents.Day::events)
                        .sum())
                .isEqualTo(1);
    }

    private static String event(String session, String user, String page, Instant at) {
        return "{\"event_type\": \"page_view\", \"page_url\": \"%s\", \"session_id\": \"%s\", \"user_id\": \"%s\", \"created_at\": \"%s\"}"
                .formatted(page, session, user, at);
    }

    private static JsonNode items(JsonNode json) {
        return json.has("items") ? json.get("items") : json;
    }

    private String apiKey(Accounts.SignedIn who) {
        return accounts.ingestKey(who, "site");
    }

    private void ingest(String key, String batch) {
        ingest(key, "", batch);
    }

    /** Ingests with an API key, into the site a query ({@code ?site_id=…}) names, or the default one. */
    private void ingest(String key, String query, String batch) {
        var response = api.post("/api/v1/ingest/trackers" + query, key, batch);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("rejected").size()).as(response.body()).isZero();
    }
}
