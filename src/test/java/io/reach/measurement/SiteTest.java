package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.ingest.Sessionizer;
import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Several sites per workspace (issue 14, point 4): sites with their settings, events sent into a chosen site, events
 * a site excludes (by client address or page path) not stored, per-site rollups cut in the site's zone, and another
 * workspace's site looking exactly like an unknown one.
 */
@ReachTest
class SiteTest {

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

    @Test
    void sitesAreManagedWithCheckedSettingsAndTheDefaultSiteStays() {
        Accounts.SignedIn ada = accounts.owner();
        JsonNode listed = api.get("/api/v1/sites", ada.accessToken()).json();
        assertThat(listed.get("items").size())
                .as("every workspace has its default site")
                .isEqualTo(1);
        JsonNode main = listed.get("items").get(0);
        assertThat(main.get("is_default").asBoolean()).isTrue();
        assertThat(main.get("time_zone").isNull()).as("the workspace's zone").isTrue();

        var invalid = api.post("/api/v1/sites", ada.accessToken(), """
                {"name": "bad", "domains": ["https://shop.example/"], "time_zone": "Mars/Olympus",
                 "excluded_ips": ["10.0.0.0/33", "office"], "excluded_paths": ["admin"]}""");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("domains[0]", "time_zone", "excluded_ips[0]", "excluded_ips[1]", "excluded_paths[0]");
        assertThat(api.post("/api/v1/sites", ada.accessToken(), "{\"name\": \"x\", \"colour\": \"red\"}")
                        .status())
                .as("unknown keys are refused")
                .isEqualTo(400);

        var created = api.post("/api/v1/sites", ada.accessToken(), """
                {"name": "Client shop", "domains": ["Shop.Example", "www.shop.example"], "time_zone": "Asia/Tokyo",
                 "excluded_ips": ["203.0.113.0/24", "2001:db8::1"], "excluded_paths": ["/admin/*"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/sites/" + id);
        assertThat(created.json().get("domains").valueStream().map(JsonNode::asString))
                .containsExactly("shop.example", "www.shop.example");
        assertThat(created.json().get("is_default").asBoolean()).isFalse();

        var changed = api.patch("/api/v1/sites/" + id, ada.accessToken(), "{\"time_zone\": \"\", \"name\": \"Shop\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("time_zone").isNull())
                .as("back to the workspace's zone")
                .isTrue();
        assertThat(changed.json().get("excluded_paths").get(0).asString())
                .as("fields not given stay")
                .isEqualTo("/admin/*");
        assertThat(api.get("/api/v1/sites", ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(2);

        assertThat(api.delete("/api/v1/sites/" + main.get("id").asString(), ada.accessToken())
                        .status())
                .as("the default site stays")
                .isEqualTo(409);

        Accounts.SignedIn eve = accounts.owner();
        assertThat(api.get("/api/v1/sites/" + id, eve.accessToken()).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/sites/" + id, eve.accessToken(), "{\"name\": \"mine\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/sites/" + id, eve.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/sites", eve.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);

        assertThat(api.delete("/api/v1/sites/" + id, ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/sites/" + id, ada.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void eventsGoIntoTheChosenSiteAndWhatASiteExcludesIsNotStored() {
        Accounts.SignedIn ada = accounts.owner();
        String key = apiKey(ada);
        String shop = api.post("/api/v1/sites", ada.accessToken(), """
                {"name": "shop", "domains": ["shop.example"], "excluded_ips": ["203.0.113.0/24"],
                 "excluded_paths": ["/admin/*", "*/preview"]}""")
                .json()
                .get("id")
                .asString();
        String main = api.get("/api/v1/sites", ada.accessToken())
                .json()
                .get("items")
                .valueStream()
                .filter(site -> site.get("is_default").asBoolean())
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();

        var sent = api.post("/api/v1/ingest/trackers?site_id=" + shop, key, """
                [{"event_type": "page_view", "page_url": "https://shop.example/", "ip_address": "198.51.100.7"},
                 {"event_type": "page_view", "page_url": "/", "ip_address": "203.0.113.9"},
                 {"event_type": "page_view", "page_url": "https://shop.example/admin/orders?id=1", "ip_address": "198.51.100.7"},
                 {"event_type": "page_view", "page_url": "/blog/draft/preview", "ip_address": "198.51.100.7"}]""");
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(sent.json().get("excluded").asInt())
                .as("an excluded address and two excluded paths")
                .isEqualTo(3);
        var unsited = api.post("/api/v1/ingest/trackers", key, """
                [{"event_type": "page_view", "page_url": "/admin/x", "ip_address": "203.0.113.9"}]""");
        assertThat(unsited.json().get("excluded").asInt())
                .as("the default site excludes nothing")
                .isZero();

        assertThat(sitesOfEvents(ada.tenantId())).containsExactlyInAnyOrderEntriesOf(Map.of(shop, 1L, main, 1L));

        Accounts.SignedIn eve = accounts.owner();
        var foreign =
                api.post("/api/v1/ingest/trackers?site_id=" + shop, apiKey(eve), "[{\"event_type\": \"page_view\"}]");
        assertThat(foreign.status()).as("another workspace's site is unknown").isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/ingest/trackers?site_id=" + UUID.randomUUID(),
                                key,
                                "[{\"event_type\": \"page_view\"}]")
                        .status())
                .isEqualTo(404);

        JsonNode siteKey = api.post("/api/v1/site-keys", ada.accessToken(), """
                {"name": "shop", "allowed_origins": ["https://shop.example"], "site_id": "%s"}""".formatted(shop))
                .json();
        assertThat(siteKey.get("site_id").asString()).isEqualTo(shop);
        assertThat(api.post("/api/v1/site-keys", eve.accessToken(), """
                {"name": "x", "allowed_origins": ["https://shop.example"], "site_id": "%s"}""".formatted(shop))
                        .status())
                .isEqualTo(404);
        var browser = api.send(
                "POST",
                "/api/v1/ingest/trackers?site_key=" + siteKey.get("key").asString(),
                null,
                "{\"event_type\": \"page_view\", \"page_url\": \"/pricing\", \"session_id\": \"b1\"}",
                List.of("Origin", "https://shop.example", "Content-Type", "text/plain"));
        assertThat(browser.status()).as(browser.body()).isEqualTo(202);
        assertThat(sitesOfEvents(ada.tenantId()))
                .as("a site key writes into its own site")
                .containsExactlyInAnyOrderEntriesOf(Map.of(shop, 2L, main, 1L));
    }

    @Test
    void aDeletedSitesQueuedEventsOpenNoSessionsAndTheOtherSitesStillDo() {
        Accounts.SignedIn ada = accounts.owner();
        String key = apiKey(ada);
        String shop = site(ada, "{\"name\": \"shop\"}");
        String batch = """
                [{"event_type": "page_view", "session_id": "s1"}, {"event_type": "page_view", "session_id": "s1"},
                 {"event_type": "page_view", "session_id": "s2"}, {"event_type": "page_view"}]""";
        assertThat(api.post("/api/v1/ingest/trackers?site_id=" + shop, key, batch)
                        .status())
                .isEqualTo(202);
        assertThat(api.post("/api/v1/ingest/trackers", key, batch).status()).isEqualTo(202);
        assertThat(api.delete("/api/v1/sites/" + shop, ada.accessToken()).status())
                .isEqualTo(204);
        sessionizer.drain(TenantId.of(ada.tenantId()));

        Map<String, Long> sessions = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            Map<String, Long> counts = new java.util.HashMap<>();
            jdbc.query(
                    "select site_id::text, sum(events) from measurement.sessions group by 1",
                    (org.springframework.jdbc.core.RowCallbackHandler)
                            rs -> counts.put(rs.getString(1), rs.getLong(2)));
            counts.put("queued", jdbc.queryForObject("select count(*) from measurement.session_batches", Long.class));
            return counts;
        });
        assertThat(sessions)
                .as("the default site's two sessions hold its three session events; the deleted site has none;"
                        + " the queue is empty")
                .containsOnlyKeys(
                        "queued",
                        sitesOfEvents(ada.tenantId()).keySet().iterator().next())
                .containsValues(0L, 3L);
    }

    @Test
    void eachSiteIsRolledUpApartInItsOwnTimeZone() {
        Accounts.SignedIn ada = accounts.owner();
        String key = apiKey(ada);
        String tokyo = site(ada, "{\"name\": \"tokyo\", \"time_zone\": \"Asia/Tokyo\"}");
        Instant at = LocalDate.now(ZoneOffset.UTC).minusDays(2).atTime(20, 0).toInstant(ZoneOffset.UTC);
        String batch = """
                [{"event_type": "page_view", "session_id": "s1", "user_id": "u1", "created_at": "%1$s"},
                 {"event_type": "page_view", "session_id": "s1", "user_id": "u1", "created_at": "%2$s"}]""".formatted(at, at.plus(1, ChronoUnit.HOURS));
        assertThat(api.post("/api/v1/ingest/trackers", key, batch).status()).isEqualTo(202);
        assertThat(api.post("/api/v1/ingest/trackers?site_id=" + tokyo, key, batch)
                        .status())
                .isEqualTo(202);
        sessionizer.drain(TenantId.of(ada.tenantId()));
        rollups.runDue();

        Instant utcDay = at.truncatedTo(ChronoUnit.DAYS);
        Instant tokyoDay = at.atZone(ZoneId.of("Asia/Tokyo"))
                .toLocalDate()
                .atStartOfDay(ZoneId.of("Asia/Tokyo"))
                .toInstant();
        assertThat(dailyRows(ada.tenantId(), tokyo))
                .as("the Tokyo site's days start at Tokyo's midnight")
                .containsExactly(tokyoDay + " 2 1 1");
        assertThat(dailyRows(ada.tenantId(), null))
                .as("the default site's in the workspace's zone (UTC)")
                .containsExactly(utcDay + " 2 1 1");
        Long sessions = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForObject(
                    "select count(distinct site_id) from measurement.sessions where session_key = 's1'", Long.class);
        });
        assertThat(sessions).as("one session id on two sites is two sessions").isEqualTo(2);
    }

    @Test
    void everyAnalyticsReadShowsOneSiteTheDefaultOneWhenNoneIsNamed() {
        Accounts.SignedIn ada = accounts.owner();
        String key = apiKey(ada);
        String shop = site(ada, "{\"name\": \"shop\"}");
        String tokyo = site(ada, "{\"name\": \"tokyo\", \"time_zone\": \"Asia/Tokyo\"}");
        Instant at = Instant.now()
                .truncatedTo(ChronoUnit.HOURS)
                .minus(3, ChronoUnit.HOURS)
                .plusSeconds(60);
        assertThat(api.post("/api/v1/ingest/trackers", key, """
                [{"event_type": "page_view", "page_url": "/home", "session_id": "a", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "/home", "session_id": "b", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "/home", "session_id": "b", "created_at": "%1$s"}]""".formatted(at)).status())
                .isEqualTo(202);
        assertThat(api.post("/api/v1/ingest/trackers?site_id=" + shop, key, """
                [{"event_type": "page_view", "page_url": "/pricing", "session_id": "a", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "/pricing", "session_id": "a", "created_at": "%1$s"}]""".formatted(at))
                        .status())
                .isEqualTo(202);
        sessionizer.drain(TenantId.of(ada.tenantId()));
        rollups.runDue();
        String window = "from=" + at.minus(2, ChronoUnit.DAYS) + "&to=" + at.plus(1, ChronoUnit.DAYS);

        for (String interval : List.of("hour", "day")) {
            assertThat(total(ada, "/api/v1/analytics/timeseries?metric=events&interval=" + interval + "&" + window))
                    .as("the default site when none is named (%s)", interval)
                    .isEqualTo(3);
            assertThat(total(
                            ada,
                            "/api/v1/analytics/timeseries?metric=events&interval=" + interval + "&site_id=" + shop + "&"
                                    + window))
                    .isEqualTo(2);
            assertThat(total(
                            ada,
                            "/api/v1/analytics/timeseries?metric=sessions&interval=" + interval + "&site_id=" + shop
                                    + "&" + window))
                    .as("session a of the shop only, not the default site's a")
                    .isEqualTo(1);
        }
        JsonNode top = api.get(
                        "/api/v1/analytics/top?dimension=page_url&site_id=" + shop + "&" + window, ada.accessToken())
                .json()
                .get("items");
        assertThat(top.valueStream().map(row -> row.get("value").asString())).containsExactly("/pricing");
        assertThat(top.get(0).get("sessions").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/analytics/top?dimension=page_url&" + window, ada.accessToken())
                        .json()
                        .get("items")
                        .valueStream()
                        .map(row -> row.get("value").asString()))
                .containsExactly("/home");
        assertThat(api.get("/api/v1/analytics/sessions?" + window, ada.accessToken())
                        .json()
                        .get("sessions")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/analytics/sessions?site_id=" + shop + "&" + window, ada.accessToken())
                        .json()
                        .get("sessions")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/analytics/sessions/list?site_id=" + shop + "&" + window, ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/analytics/sessions/list?site_id=" + tokyo + "&" + window, ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        String firstDay = api.get(
                        "/api/v1/analytics/timeseries?metric=events&interval=day&site_id=" + tokyo + "&" + window,
                        ada.accessToken())
                .json()
                .get("items")
                .get(0)
                .get("period")
                .asString();
        assertThat(java.time.OffsetDateTime.parse(firstDay)
                        .atZoneSameInstant(ZoneId.of("Asia/Tokyo"))
                        .toLocalTime())
                .as("a site's own zone cuts its days: %s is Tokyo's midnight", firstDay)
                .isEqualTo(java.time.LocalTime.MIDNIGHT);

        Accounts.SignedIn eve = accounts.owner();
        for (String read : List.of(
                "timeseries?",
                "top?dimension=page_url&",
                "sessions?",
                "sessions/list?",
                "devices?",
                "geography?",
                "daily?")) {
            assertThat(api.get("/api/v1/analytics/" + read + "site_id=" + shop, eve.accessToken())
                            .status())
                    .as("another workspace's site on %s", read)
                    .isEqualTo(404);
        }
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

    private List<String> dailyRows(UUID tenant, @Nullable String site) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            String which = site == null ? "(select id from measurement.sites where is_default)" : "'" + site + "'";
            return jdbc.query(
                    "select bucket, events, sessions, users from measurement.tracker_daily_totals where site_id = "
                            + which + " and not is_bot order by bucket",
                    (rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " " + rs.getLong(2) + " "
                            + rs.getLong(3) + " " + rs.getLong(4));
        });
    }

    private Map<String, Long> sitesOfEvents(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            Map<String, Long> counts = new java.util.HashMap<>();
            jdbc.query(
                    "select site_id::text, count(*) from measurement.trackers group by 1",
                    (org.springframework.jdbc.core.RowCallbackHandler)
                            rs -> counts.put(rs.getString(1), rs.getLong(2)));
            return counts;
        });
    }

    /** Creates a site from its JSON; its id. */
    private String site(Accounts.SignedIn who, String json) {
        return api.post("/api/v1/sites", who.accessToken(), json)
                .json()
                .get("id")
                .asString();
    }

    private String apiKey(Accounts.SignedIn who) {
        var created =
                api.post("/api/v1/api-keys", who.accessToken(), "{\"name\": \"site\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }
}
