package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.ingest.Sessionizer;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tracker ingestion through the API with ingest keys: per-event checks, de-duplication, enrichment, isolation. */
@ReachTest
class TrackerIngestionTest {

    private static final String CHROME =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36";
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
    TrackerPartitions partitions;

    @Autowired
    TrackerRetention retention;

    @Autowired
    EngagementEvents engagements;

    @Autowired
    io.reach.tenancy.TenantManagement tenants;

    @Test
    void aLargeBatchThatRepeatsAnEventOrOverlapsAnEarlierOneStoresEachEventOnce() {
        Accounts.SignedIn ada = accounts.owner();
        String key = ingestKey(ada, "ingest:write");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        java.util.function.IntFunction<String> event = i -> """
                {"event_id": "big-%d", "event_type": "page_view", "session_id": "s%d", "created_at": "%s"}""".formatted(i, i % 3, at.plusMillis(i));
        int size = io.reach.measurement.ingest.TrackerStoreAccess.plainInsertFrom() + 8;
        String first = java.util.stream.IntStream.range(0, size)
                .mapToObj(event)
                .collect(java.util.stream.Collectors.joining(",", "[", "," + event.apply(0) + "]"));
        String overlapping = java.util.stream.IntStream.range(size / 2, size + size / 2)
                .mapToObj(event)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));

        var repeating = api.post("/api/v1/ingest/trackers", key, first);
        var overlapped = api.post("/api/v1/ingest/trackers", key, overlapping);

        assertThat(repeating.status()).as(repeating.body()).isEqualTo(202);
        assertThat(repeating.json().get("stored").asInt())
                .as("the event repeated in the batch is stored once")
                .isEqualTo(size);
        assertThat(overlapped.json().get("stored").asInt())
                .as("only the half not stored before")
                .isEqualTo(size / 2);
        assertThat(rows(ada.tenantId())).hasSize(size + size / 2);
    }

    @Test
    void aBatchIsStoredOnceWithItsBadEventRejectedAlone() {
        Accounts.SignedIn ada = accounts.owner();
        String key = ingestKey(ada, "ingest:write");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String batch = """
                [{"event_id": "e1", "event_type": "page_view", "page_url": "https://shop.example/a", "session_id": "s1",
                  "user_agent": "%1$s", "ip_address": "203.0.113.77", "created_at": "%2$s", "event_value": 1.5,
                  "custom_properties": {"plan": "pro"}},
                 {"event_id": "e2", "event_type": 42, "colour": "red"},
                 {"event_id": "e3", "event_type": "click", "user_agent": "%3$s", "ip_address": "2001:db8:85a3:8d3:1319:8a2e:370:7348",
                  "created_at": "%2$s"}]""".formatted(CHROME, at, GOOGLEBOT);

        var first = api.post("/api/v1/ingest/trackers", key, batch);
        var retried = api.post("/api/v1/ingest/trackers", key, batch);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(first.json().get("stored").asInt()).isEqualTo(2);
        JsonNode rejected = first.json().get("rejected");
        assertThat(rejected.size()).isEqualTo(1);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("event_type", "colour");
        assertThat(retried.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(retried.json().get("stored").asInt())
                .as("a retried batch counts once")
                .isZero();

        List<Map<String, @Nullable Object>> rows = rows(ada.tenantId());
        assertThat(rows).hasSize(2);
        Map<String, @Nullable Object> view = rows.stream()
                .filter(r -> "e1".equals(r.get("event_id")))
                .findFirst()
                .orElseThrow();
        assertThat(view.get("ip_address")).as("IPv4 kept to its /24").isEqualTo("203.0.113.0");
        assertThat(view.get("browser_name")).isEqualTo("Chrome");
        assertThat(view.get("device_type")).isEqualTo("Desktop");
        assertThat(view.get("is_bot")).isEqualTo(false);
        assertThat(Objects.requireNonNull(view.get("custom_properties")).toString())
                .contains("pro");
        Map<String, @Nullable Object> bot = rows.stream()
                .filter(r -> "e3".equals(r.get("event_id")))
                .findFirst()
                .orElseThrow();
        assertThat(bot.get("is_bot")).isEqualTo(true);
        assertThat(bot.get("ip_address")).as("IPv6 kept to its /64").isEqualTo("2001:db8:85a3:8d3:0:0:0:0");
        Long devices = owner.with(jdbc -> jdbc.queryForObject(
                "select count(*) from measurement.devices where user_agent = ?", Long.class, CHROME));
        assertThat(devices).as("the device is noted once").isEqualTo(1L);
    }

    @Test
    void ndjsonLinesAreCheckedOneByOneAndTimesOutsideTheWindowAreRefused() {
        Accounts.SignedIn ada = accounts.owner();
        String key = ingestKey(ada, "ingest:write");
        String ndjson = String.join(
                "\n",
                "{\"event_type\": \"page_view\"}",
                "{not json",
                "[1]",
                "{\"event_type\": \"late\", \"created_at\": \"%s\"}"
                        .formatted(Instant.now().minus(30, ChronoUnit.DAYS)),
                "{\"event_type\": \"bad time\", \"created_at\": \"yesterday\"}",
                "");

        var response = api.send(
                "POST", "/api/v1/ingest/trackers", key, ndjson, List.of("Content-Type", "application/x-ndjson"));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(response.json()
                        .get("rejected")
                        .valueStream()
                        .map(r -> r.get("index").asInt()))
                .containsExactly(1, 2, 3, 4);
        assertThat(api.post("/api/v1/ingest/trackers", key, "[{\"event_type\": ")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/ingest/trackers", key, "  ").status()).isEqualTo(400);
    }

    @Test
    void keysWriteOnlyTheirOwnTenantAndNeedTheIngestScope() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn eve = accounts.owner();
        String reader = ingestKey(ada, "posts:read");
        String evesKey = ingestKey(eve, "ingest:write");

        assertThat(api.post("/api/v1/ingest/trackers", reader, "[{\"event_type\": \"x\"}]")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/ingest/trackers", null, "[{\"event_type\": \"x\"}]")
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/ingest/trackers", evesKey, "[{\"event_type\": \"eve\"}]")
                        .status())
                .isEqualTo(202);
        assertThat(rows(ada.tenantId())).isEmpty();
        assertThat(rows(eve.tenantId())).hasSize(1);
    }

    @Test
    void dayPartitionsAreMadeAheadAndDroppedPastTheRetention() {
        TrackerPartitions.Maintained made =
                partitions.maintain(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 3), LocalDate.of(2019, 1, 1));
        TrackerPartitions.Maintained again =
                partitions.maintain(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 3), LocalDate.of(2019, 1, 1));
        long aheadBefore = partitionCount("trackers_p2020010%");
        TrackerPartitions.Maintained expired =
                partitions.maintain(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3));

        assertThat(made.created()).isEqualTo(3);
        assertThat(again.created()).isZero();
        assertThat(aheadBefore).isEqualTo(3);
        assertThat(expired.dropped()).isEqualTo(2);
        assertThat(partitionCount("trackers_p2020010%")).isEqualTo(1);
        assertThat(partitionCount(
                        "trackers_p" + LocalDate.now().plusDays(7).toString().replace("-", "")))
                .isEqualTo(1);
        partitions.maintain(LocalDate.now(), LocalDate.now(), LocalDate.of(2020, 1, 5));
    }

    @Test
    void aTenantsShorterRetentionDeletesItsOlderEventsAndSessionsOnly() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn eve = accounts.owner();
        tenants.replaceSettings(ada.tenantId(), Map.of("retention_days", 2));
        String batch = """
                [{"event_id": "old", "event_type": "page_view", "session_id": "s-old", "created_at": "%s"},
                 {"event_id": "new", "event_type": "page_view", "session_id": "s-new", "created_at": "%s"}]""".formatted(
                        Instant.now().minus(5, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
        for (Accounts.SignedIn who : List.of(ada, eve)) {
            assertThat(api.post("/api/v1/ingest/trackers", ingestKey(who, "ingest:write"), batch)
                            .status())
                    .isEqualTo(202);
        }

        for (Instant at :
                List.of(Instant.now().minus(5, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS))) {
            engagements.record(
                    TenantId.of(ada.tenantId()),
                    new EngagementEvents.Engagement(
                            "email_open", "/email-campaigns/c", "send-" + at.getEpochSecond(), null, null, false, at));
        }
        sessionizer.drain(TenantId.of(ada.tenantId()));
        int deleted = retention.expire();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(rows(ada.tenantId())).extracting(row -> row.get("event_id")).containsExactly("new");
        assertThat(rows(eve.tenantId()))
                .as("another tenant keeps the installation's retention")
                .hasSize(2);
        List<String> sessions = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForList("select session_key from measurement.sessions", String.class);
        });
        assertThat(sessions).containsExactly("s-new");
        Long engagementsKept = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForObject("select count(*) from measurement.engagements", Long.class);
        });
        assertThat(engagementsKept)
                .as("e-mail engagements past the retention go too")
                .isEqualTo(1);
    }

    private String ingestKey(Accounts.SignedIn who, String scope) {
        return api.post(
                        "/api/v1/api-keys",
                        who.accessToken(),
                        "{\"name\": \"site\", \"scopes\": [\"%s\"]}".formatted(scope))
                .json()
                .get("key")
                .asString();
    }

    private List<Map<String, @Nullable Object>> rows(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForList("select event_id, ip_address, browser_name, device_type, is_bot,"
                    + " custom_properties::text as custom_properties from measurement.trackers");
        });
    }

    private long partitionCount(String pattern) {
        return owner.with(jdbc -> jdbc.queryForObject("""
                select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'measurement.trackers'::regclass and c.relname like ?""", Long.class, pattern));
    }
}
