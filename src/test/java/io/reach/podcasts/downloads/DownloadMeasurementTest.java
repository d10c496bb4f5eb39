package io.reach.podcasts.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.counting.DownloadCounting;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Download logs through the API, counted: the lines refused with their reasons, the good ones
 * stored without their addresses and counted by the IAB rules (an IPv6 /64 is one listener), each
 * workspace counting only its own.
 */
@ReachTest
public class DownloadMeasurementTest {

    public static final String IPHONE = "AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; en_us)";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    DownloadCounting counting;

    public record Measured(String podcast, String episode) {}

    /** A podcast with one measured episode (threshold 1,000,000 bytes of a 40 MB file); answers {podcast, episode}. */
    public static Measured measuredEpisode(Api api, OwnerDatabase owner, Accounts.SignedIn workspace, String audioUrl) {
        JsonNode podcast = api.post("/api/v1/podcasts", workspace.accessToken(), "{\"name\": \"Measured\"}")
                .json();
        String podcastId = podcast.get("id").asString();
        Api.Response episode = api.post(
                "/api/v1/podcasts/" + podcastId + "/episodes", workspace.accessToken(), """
                {"title": "One", "audio_url": "%s", "file_bytes": 40000000, "duration_seconds": 2500}""".formatted(audioUrl));
        assertThat(episode.status()).as(episode.body()).isEqualTo(201);
        String episodeId = episode.json().at("/episode/id").asString();
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + workspace.tenantId() + "'");
            jdbc.update(
                    "update podcasts.episodes set threshold_bytes = 1000000, id3_bytes = 1000, bitrate = 128"
                            + " where id = ?::uuid",
                    episodeId);
        });
        return new Measured(podcastId, episodeId);
    }

    @Test
    void linesAreStoredWithoutAddressesAndCountedByTheRules() {
        Accounts.SignedIn ada = accounts.owner();
        String audio = "https://cdn.example.com/measured/" + ada.tenantId() + ".mp3";
        Measured ids = measuredEpisode(api, owner, ada, audio);
        String key = accounts.ingestKey(ada, "host");
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
        String lines = String.join(
                "\n",
                line(day + "T10:00:00Z", "203.0.113.77", IPHONE, 206, "bytes=0-", 2_000_000, audio + "?from=feed"),
                line(day + "T11:00:00Z", "203.0.113.77", IPHONE, 206, "bytes=0-", 5_000_000, ids.episode()),
                line(
                        day + "T11:30:00Z",
                        "203.0.113.78",
                        "Mozilla/5.0 (compatible; Googlebot/2.1)",
                        200,
                        null,
                        40_000_000,
                        audio),
                "{\"time\": \"" + day + "T12:00:00Z\", \"status\": 200, \"episode\": \"" + audio + "\"}",
                line(
                        day + "T12:00:00Z",
                        "203.0.113.79",
                        IPHONE,
                        200,
                        null,
                        40_000_000,
                        "https://elsewhere.example/x.mp3"),
                line(day + "T13:00:00Z", "2001:db8:1:2:aaaa::1", IPHONE, 206, "bytes=0-499999", 500_000, audio),
                line(day + "T13:05:00Z", "2001:db8:1:2:bbbb::2", IPHONE, 206, "bytes=400000-1199999", 800_000, audio));

        Api.Response sent = api.post("/api/v1/ingest/downloads", key, lines, "Content-Type", "application/x-ndjson");

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("stored").asInt()).isEqualTo(5);
        assertThat(sent.json().at("/rejected/0/index").asInt()).isEqualTo(3);
        assertThat(sent.json().at("/rejected/0/errors/0/field").asString()).isEqualTo("ip");
        assertThat(sent.json().at("/rejected/1/index").asInt()).isEqualTo(4);
        assertThat(sent.json().at("/rejected/1/errors/0/field").asString()).isEqualTo("episode");

        counting.countUncounted(TenantId.of(ada.tenantId()));

        Map<String, @Nullable Object> metrics = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForMap("""
                    select (select metric_value from podcasts.listener_metrics where metric_name = 'downloads') as downloads,
                           (select metric_value from podcasts.listener_metrics where metric_name = 'listeners') as listeners,
                           (select metric_data::text from podcasts.listener_metrics where metric_name = 'filtered') as filtered,
                           (select sum(event_count) from podcasts.listener_events_daily) as requests""");
        });
        assertThat(metrics.get("downloads")).isEqualTo(2L);
        assertThat(metrics.get("listeners")).isEqualTo(2L);
        assertThat(metrics.get("requests")).isEqualTo(java.math.BigDecimal.valueOf(5));
        assertThat((String) metrics.get("filtered")).contains("\"bot\": 1", "\"duplicate\": 1", "\"partial\": 1");

        List<String> holding =
                tablesHolding(ada, List.of("203.0.113.77", "203.0.113.78", "2001:db8:1:2:aaaa", "2001:db8:1:2:bbbb"));
        assertThat(holding).as("no table holds a client address").isEmpty();
    }

    @Test
    void anotherWorkspaceCannotSendToOrCountAnEpisodeNotItsOwn() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        String audio = "https://cdn.example.com/private/" + ada.tenantId() + ".mp3";
        Measured ids = measuredEpisode(api, owner, ada, audio);
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        Api.Response byId = api.post(
                "/api/v1/ingest/downloads",
                bob.accessToken(),
                "[" + line(day + "T10:00:00Z", "198.51.100.1", IPHONE, 200, null, 40_000_000, ids.episode()) + ","
                        + line(day + "T10:00:00Z", "198.51.100.1", IPHONE, 200, null, 40_000_000, audio) + "]");

        assertThat(byId.status()).as(byId.body()).isEqualTo(202);
        assertThat(byId.json().get("stored").asInt()).isZero();
        assertThat(byId.json().get("rejected").size()).isEqualTo(2);
    }

    @Test
    void malformedBatchesAreRefusedWhole() {
        Accounts.SignedIn ada = accounts.owner();
        assertThat(api.post("/api/v1/ingest/downloads", ada.accessToken(), "not json")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/ingest/downloads", ada.accessToken(), "[]").status())
                .isEqualTo(400);
        Api.Response wrongTypes = api.post(
                "/api/v1/ingest/downloads",
                ada.accessToken(),
                "[{\"time\": 5.5, \"ip\": 1, \"status\": \"ok\", \"bytes\": -1, \"episode\": 3, \"colour\": \"red\"}]");
        assertThat(wrongTypes.status()).isEqualTo(202);
        assertThat(wrongTypes.json().at("/rejected/0/errors").size()).isGreaterThanOrEqualTo(6);
    }

    public static String line(
            String time, String ip, String agent, int status, @Nullable String range, long bytes, String episode) {
        return """
                {"time": "%s", "ip": "%s", "user_agent": "%s", "method": "GET", "status": %d, "range": %s, "bytes": %d, "episode": "%s"}""".formatted(time, ip, agent, status, range == null ? "null" : "\"" + range + "\"", bytes, episode);
    }

    /** The tables (with the workspace's rows visible) any of whose text, cidr or inet values contain one of the needles. */
    List<String> tablesHolding(Accounts.SignedIn workspace, List<String> needles) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + workspace.tenantId() + "'");
            List<Map<String, @Nullable Object>> columns = jdbc.queryForList("""
                    select format('%I.%I', c.table_schema, c.table_name) as tab, format('%I', c.column_name) as col
                    from information_schema.columns c join pg_class k on k.oid = format('%I.%I', c.table_schema, c.table_name)::regclass
                    where c.table_schema not in ('pg_catalog', 'information_schema') and not k.relispartition
                      and k.relkind in ('r', 'p') and c.data_type in ('text', 'character varying', 'inet', 'cidr', 'jsonb')""");
            List<String> holding = new java.util.ArrayList<>();
            for (Map<String, @Nullable Object> column : columns) {
                for (String needle : needles) {
                    Boolean found = jdbc.queryForObject(
                            "select exists (select 1 from " + column.get("tab") + " where " + column.get("col")
                                    + "::text like ?)",
                            Boolean.class,
                            "%" + needle + "%");
                    if (Boolean.TRUE.equals(found)) {
                        holding.add(column.get("tab") + "." + column.get("col") + " holds " + needle);
                    }
                }
            }
            return holding;
        });
    }
}
