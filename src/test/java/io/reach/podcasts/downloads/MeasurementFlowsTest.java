package io.reach.podcasts.downloads;

import static io.reach.podcasts.downloads.DownloadMeasurementTest.IPHONE;
import static io.reach.podcasts.downloads.DownloadMeasurementTest.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.counting.DownloadCounting;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The ways in and out of download measurement, end to end: a list change and its recount, the prefix
 * redirect, log files of each format, ads delivered, the figures and their CSV, report links.
 */
@ReachTest
class MeasurementFlowsTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    DownloadCounting counting;

    final String day = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();

    @Test
    void aWorkspaceListAppliesToPastDaysOnceTheyAreRecounted() {
        Accounts.SignedIn ada = accounts.owner();
        String audio = "https://cdn.example.com/lists/" + ada.tenantId() + ".mp3";
        DownloadMeasurementTest.Measured ids = DownloadMeasurementTest.measuredEpisode(api, owner, ada, audio);
        send(
                ada,
                line(day + "T08:00:00Z", "192.0.2.10", IPHONE, 200, null, 40_000_000, audio),
                line(day + "T08:00:00Z", "192.0.2.11", IPHONE, 200, null, 40_000_000, audio));
        counting.countUncounted(TenantId.of(ada.tenantId()));
        assertThat(downloads(ada, ids.podcast())).isEqualTo(2);

        Api.Response list = api.post("/api/v1/podcast-measurement/ip-lists", ada.accessToken(), """
                {"name": "Office", "entries": [{"network": "192.0.2.10", "note": "our office"}]}""");
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        assertThat(downloads(ada, ids.podcast()))
                .as("a list applies to past days only when they are recounted")
                .isEqualTo(2);

        Api.Response recount = api.post(
                "/api/v1/podcast-measurement/recounts",
                ada.accessToken(),
                "{\"from\": \"" + day + "\", \"to\": \"" + day + "\"}");
        assertThat(recount.status()).as(recount.body()).isEqualTo(202);
        String job = recount.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/podcast-measurement/jobs/" + job, ada.accessToken())
                        .json()
                        .get("status")
                        .asString()
                        .equals("succeeded"));

        JsonNode report = api.get(
                        "/api/v1/podcasts/" + ids.podcast() + "/downloads?from=" + day + "&to=" + day,
                        ada.accessToken())
                .json();
        assertThat(report.at("/totals/downloads").asLong()).isEqualTo(1);
        assertThat(report.at("/filtered_by_reason/ip_list").asLong()).isEqualTo(1);
        String versions = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForObject(
                    "select list_versions::text from podcasts.counted_days where day = ?::date", String.class, day);
        });
        assertThat(versions).contains(list.json().at("/list/id").asString(), "opawg-user-agents-v2", "x4bnet");
    }

    @Test
    void theDataCentreListFiltersCloudAddresses() {
        Accounts.SignedIn ada = accounts.owner();
        String audio = "https://cdn.example.com/cloud/" + ada.tenantId() + ".mp3";
        DownloadMeasurementTest.Measured ids = DownloadMeasurementTest.measuredEpisode(api, owner, ada, audio);
        // 1.12.0.0/14 is the first network of the bundled list (a hosting provider's).
        send(ada, line(day + "T08:00:00Z", "1.12.0.9", IPHONE, 200, null, 40_000_000, audio));
        counting.countUncounted(TenantId.of(ada.tenantId()));
        JsonNode report = api.get(
                        "/api/v1/podcasts/" + ids.podcast() + "/downloads?from=" + day + "&to=" + day,
                        ada.accessToken())
                .json();
        assertThat(report.at("/totals/downloads").asLong()).isZero();
        assertThat(report.at("/filtered_by_reason/datacenter").asLong()).isEqualTo(1);
    }

    @Test
    void thePrefixRedirectRecordsAndSendsOnOnlyToThePodcastsAudio() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        String audio = "https://cdn.example.com/prefix/" + ada.tenantId() + ".mp3";
        DownloadMeasurementTest.Measured ids = DownloadMeasurementTest.measuredEpisode(api, owner, ada, audio);
        Api.Response prefix = api.post("/api/v1/podcasts/" + ids.podcast() + "/prefix", ada.accessToken(), "");
        assertThat(prefix.status()).as(prefix.body()).isEqualTo(200);
        String key = prefix.json().get("key").asString();

        var sent = api.execute(HttpRequest.newBuilder(URI.create(
                        api.baseUrl() + "/e/" + key + "/" + audio.substring("https://".length()) + "?from=feed"))
                .header("User-Agent", IPHONE)
                .GET()
                .build());
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).isEqualTo(audio + "?from=feed");
        var elsewhere =
                api.execute(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/e/" + key + "/evil.example/x.mp3"))
                        .GET()
                        .build());
        assertThat(elsewhere.status()).as("an open redirect is refused").isEqualTo(404);
        var forged = api.execute(HttpRequest.newBuilder(URI.create(
                        api.baseUrl() + "/e/pod_" + "A".repeat(22) + "_x/" + audio.substring("https://".length())))
                .GET()
                .build());
        assertThat(forged.status()).isEqualTo(404);

        counting.countUncounted(TenantId.of(ada.tenantId()));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode report = api.get(
                        "/api/v1/episodes/" + ids.episode() + "/downloads?from=" + today + "&to=" + today,
                        ada.accessToken())
                .json();
        assertThat(report.at("/totals/downloads").asLong()).isEqualTo(1);
        JsonNode requests = api.get("/api/v1/episodes/" + ids.episode() + "/requests?day=" + today, ada.accessToken())
                .json();
        assertThat(requests.at("/items/0/event_type").asString()).isEqualTo("prefix");
        assertThat(requests.at("/items/0/counted").asBoolean()).isTrue();
    }

    @Test
    void logFilesOfEachFormatAreImportedOnceWithTheirRefusals() {
        Accounts.SignedIn ada = accounts.owner();
        String audio = "https://cdn.example.com/logs/" + ada.tenantId() + ".mp3";
        DownloadMeasurementTest.Measured ids = DownloadMeasurementTest.measuredEpisode(api, owner, ada, audio);
        String path = "/logs/" + ada.tenantId() + ".mp3";
        String clf = LocalDate.parse(day)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy", java.util.Locale.ENGLISH));
        String combined = String.join(
                "\n",
                "203.0.113.5 - - [" + clf + ":10:00:00 +0000] \"GET " + path + " HTTP/1.1\" 206 2000000 \"-\" \""
                        + IPHONE + "\" \"bytes=0-\"",
                "203.0.113.6 - - [" + clf + ":10:00:00 +0000] \"HEAD " + path + " HTTP/1.1\" 200 0 \"-\" \"" + IPHONE
                        + "\" \"-\"",
                "garbage line",
                "203.0.113.7 - - [" + clf + ":11:00:00 +0000] \"GET /not/ours.mp3 HTTP/1.1\" 200 5 \"-\" \"curl/8\"");
        JsonNode job = importLog(ada, "combined", "cdn.example.com", combined);
        assertThat(job.get("stored").asLong()).isEqualTo(2);
        assertThat(job.get("refused").asLong()).isEqualTo(2);
        assertThat(job.at("/refusals/0/line").asLong()).isEqualTo(3);
        Api.Response again = api.post(
                "/api/v1/podcast-measurement/log-imports?format=combined&host=cdn.example.com",
                ada.accessToken(),
                combined);
        assertThat(again.status()).as("the same file twice").isEqualTo(409);

        String s3 = "79a5 logs-bucket [" + clf + ":12:00:00 +0000] 203.0.113.8 - 3E57427F3EXAMPLE REST.GET.OBJECT "
                + path.substring(1) + " \"GET " + path + " HTTP/1.1\" 200 - 40000000 40000000 70 10 \"-\" \"" + IPHONE
                + "\" - s9lz= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader cdn.example.com TLSv1.2 - -";
        JsonNode s3Job = importLog(ada, "s3", null, s3);
        assertThat(s3Job.get("stored").asLong()).as(s3Job.toString()).isEqualTo(1);

        String cloudfront =
                "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem "
                        + "sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id "
                        + "x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher "
                        + "x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port "
                        + "time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end\n"
                        + String.join(
                                "\t",
                                day,
                                "13:00:00",
                                "LHR62-C2",
                                "1000400",
                                "2001:db8:5::1",
                                "GET",
                                "d111.cloudfront.net",
                                path,
                                "206",
                                "-",
                                IPHONE.replace(" ", "%20"),
                                "-",
                                "-",
                                "Hit",
                                "id",
                                "cdn.example.com",
                                "https",
                                "200",
                                "0.1",
                                "-",
                                "TLSv1.3",
                                "TLS_AES_128_GCM_SHA256",
                                "Hit",
                                "HTTP/2.0",
                                "-",
                                "-",
                                "443",
                                "0.01",
                                "Hit",
                                "audio/mpeg",
                                "1000000",
                                "0",
                                "999999");
        assertThat(importLog(ada, "cloudfront", null, cloudfront).get("stored").asLong())
                .isEqualTo(1);

        counting.countUncounted(TenantId.of(ada.tenantId()));
        JsonNode report = api.get(
                        "/api/v1/podcasts/" + ids.podcast() + "/downloads?from=" + day + "&to=" + day,
                        ada.accessToken())
                .json();
        assertThat(report.at("/totals/downloads").asLong())
                .as("combined 206, S3 200, CloudFront's exact million")
                .isEqualTo(3);
        assertThat(report.at("/filtered_by_reason/method").asLong()).isEqualTo(1);
    }

    @Test
    void adsAreDeliveredAndTheFiguresExportAndShareReadOnly() {
        Accounts.SignedIn ada = accounts.owner();
        String audio = "https://cdn.example.com/ads/" + ada.tenantId() + ".mp3";
        DownloadMeasurementTest.Measured ids = DownloadMeasurementTest.measuredEpisode(api, owner, ada, audio);
        Api.Response pre = api.post(
                "/api/v1/episodes/" + ids.episode() + "/ad-units",
                ada.accessToken(),
                "{\"unit_type\": \"pre\", \"duration_seconds\": 30}");
        assertThat(pre.status()).as(pre.body()).isEqualTo(201);
        Api.Response mid = api.post(
                "/api/v1/episodes/" + ids.episode() + "/ad-units",
                ada.accessToken(),
                "{\"unit_type\": \"mid\", \"position_seconds\": 600, \"duration_seconds\": 60, \"insertion\": \"dynamic\"}");
        assertThat(mid.status()).as(mid.body()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/episodes/" + ids.episode() + "/ad-units",
                                ada.accessToken(),
                                "{\"unit_type\": \"side\", \"duration_seconds\": -1}")
                        .status())
                .isEqualTo(400);
        // 128 kbit/s after a 1,000-byte tag: the mid-roll is bytes 9,601,000 to 10,561,000.
        send(
                ada,
                line(day + "T09:00:00Z", "198.51.100.20", IPHONE, 206, "bytes=0-1999999", 2_000_000, audio),
                line(day + "T09:00:00Z", "198.51.100.21", IPHONE, 206, "bytes=0-10999999", 11_000_000, audio));
        counting.countUncounted(TenantId.of(ada.tenantId()));

        JsonNode report = api.get(
                        "/api/v1/podcasts/" + ids.podcast() + "/downloads?from=" + day + "&to=" + day,
                        ada.accessToken())
                .json();
        assertThat(report.at("/totals/downloads").asLong()).isEqualTo(2);
        assertThat(report.at("/totals/ads_delivered").asLong())
                .as("two pre-rolls, one whole mid-roll")
                .isEqualTo(3);
        assertThat(report.at("/counting/counting_window").asString()).isEqualTo("utc_day");
        assertThat(report.at("/apps/0/value").asString()).isNotBlank();
        List<String> rows = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForList("""
                    select bytes_delivered || ' ' || cardinality(ads_delivered) || ' ' || (household_key is not null)
                    from podcasts.download_rows where episode_id = ?::uuid order by bytes_delivered""", String.class, ids.episode());
        });
        assertThat(rows)
                .as("each download as a row, with its ads and household")
                .containsExactly("2000000 1 true", "11000000 2 true");

        Api.Response csv = api.get(
                "/api/v1/podcasts/" + ids.podcast() + "/downloads.csv?from=" + day + "&to=" + day, ada.accessToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("\"date\",\"episode_id\"")
                .contains("\"" + day + "\",\"" + ids.episode() + "\"");

        Api.Response link = api.post(
                "/api/v1/podcasts/" + ids.podcast() + "/report-links", ada.accessToken(), "{\"expires_in_days\": 7}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String path = link.json().get("path").asString();
        Api.Response shared = api.get(path + "?from=" + day + "&to=" + day, "");
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.body()).contains("Measured", "Downloads");
        Api.Response tampered = api.get(path.substring(0, path.length() - 2) + "xx", "");
        assertThat(tampered.status()).isEqualTo(404);
        Accounts.SignedIn bob = accounts.owner();
        assertThat(api.post("/api/v1/podcasts/" + ids.podcast() + "/report-links", bob.accessToken(), "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/report-links/" + link.json().get("id").asString(), ada.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.get(path, "").status())
                .as("a revoked link opens nothing")
                .isEqualTo(404);
    }

    @Test
    void aRollingWindowFollowsAListenerAcrossMidnight() {
        Accounts.SignedIn ada = accounts.owner();
        String audio = "https://cdn.example.com/rolling/" + ada.tenantId() + ".mp3";
        DownloadMeasurementTest.Measured ids = DownloadMeasurementTest.measuredEpisode(api, owner, ada, audio);
        Api.Response settings = api.put(
                "/api/v1/podcast-measurement/settings",
                ada.accessToken(),
                "{\"counting_window\": \"rolling_first_touch\"}");
        assertThat(settings.json().get("counting_window").asString()).isEqualTo("rolling_first_touch");
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        // The guidelines' example: Mon 22:00, Tue 03:00, Tue 22:15, Wed 23:15 count 1, 0, 1, 1 by first touch.
        send(
                ada,
                line(monday + "T22:00:00Z", "198.51.100.40", IPHONE, 200, null, 40_000_000, audio),
                line(monday.plusDays(1) + "T03:00:00Z", "198.51.100.40", IPHONE, 200, null, 40_000_000, audio),
                line(monday.plusDays(1) + "T22:15:00Z", "198.51.100.40", IPHONE, 200, null, 40_000_000, audio),
                line(monday.plusDays(2) + "T23:15:00Z", "198.51.100.40", IPHONE, 200, null, 40_000_000, audio));
        counting.countUncounted(TenantId.of(ada.tenantId()));
        JsonNode report = api.get(
                        "/api/v1/episodes/" + ids.episode() + "/downloads?from=" + monday + "&to=" + monday.plusDays(2),
                        ada.accessToken())
                .json();
        assertThat(report.at("/totals/downloads").asLong()).isEqualTo(3);
        assertThat(report.at("/filtered_by_reason/duplicate").asLong()).isEqualTo(1);
        assertThat(report.at("/counting/counting_window").asString()).isEqualTo("rolling_first_touch");
    }

    @Test
    void aSpikeIsFoundAndOnceExcludedNoLongerCounts() {
        Accounts.SignedIn ada = accounts.owner();
        String audio = "https://cdn.example.com/spike/" + ada.tenantId() + ".mp3";
        DownloadMeasurementTest.Measured ids = DownloadMeasurementTest.measuredEpisode(api, owner, ada, audio);
        api.put("/api/v1/podcast-measurement/settings", ada.accessToken(), "{\"spike_requests_per_hour\": 10}");
        String[] lines = new String[12];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = line(
                    day + "T14:%02d:00Z".formatted(i),
                    "203.0.113.99",
                    "Overcast/" + i + ".0 (+http://overcast.fm/)",
                    200,
                    null,
                    40_000_000,
                    audio);
        }
        send(ada, lines);
        counting.countUncounted(TenantId.of(ada.tenantId()));
        assertThat(downloads(ada, ids.podcast()))
                .as("twelve agents behind one address: twelve listeners")
                .isEqualTo(12);
        JsonNode spikes = api.get("/api/v1/podcast-measurement/anomalies?status=open", ada.accessToken())
                .json();
        assertThat(spikes.at("/items/0/network").asString()).isEqualTo("203.0.113.0/24");
        assertThat(spikes.at("/items/0/peak_requests").asInt()).isEqualTo(12);

        String anomaly = spikes.at("/items/0/id").asString();
        assertThat(api.post("/api/v1/podcast-measurement/anomalies/" + anomaly + "/exclude", ada.accessToken(), "")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("excluded");
        counting.count(TenantId.of(ada.tenantId()), LocalDate.parse(day), LocalDate.parse(day), counted -> {});
        JsonNode report = api.get(
                        "/api/v1/podcasts/" + ids.podcast() + "/downloads?from=" + day + "&to=" + day,
                        ada.accessToken())
                .json();
        assertThat(report.at("/totals/downloads").asLong()).isZero();
        assertThat(report.at("/filtered_by_reason/spike").asLong()).isEqualTo(12);
    }

    private void send(Accounts.SignedIn workspace, String... lines) {
        Api.Response sent = api.post("/api/v1/ingest/downloads", workspace.accessToken(), String.join("\n", lines));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("rejected").size()).as(sent.body()).isZero();
    }

    private long downloads(Accounts.SignedIn workspace, String podcast) {
        Api.Response report = api.get(
                "/api/v1/podcasts/" + podcast + "/downloads?from=" + day + "&to=" + day, workspace.accessToken());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json().at("/totals/downloads").asLong();
    }

    private JsonNode importLog(Accounts.SignedIn workspace, String format, @Nullable String host, String text) {
        Api.Response started = api.post(
                "/api/v1/podcast-measurement/log-imports?format=" + format + (host == null ? "" : "&host=" + host),
                workspace.accessToken(),
                text);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !api.get("/api/v1/podcast-measurement/jobs/" + job, workspace.accessToken())
                        .json()
                        .get("status")
                        .asString()
                        .matches("queued|running"));
        JsonNode done = api.get("/api/v1/podcast-measurement/jobs/" + job, workspace.accessToken())
                .json();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("succeeded");
        return done;
    }
}
