package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The shape of the analytics reads: lists as {items, next_cursor}, time series with every period
 * (also across a clock change), JSON or CSV on every read, and filters that are named parameters.
 */
@ReachTest
class AnalyticsAnswersTest {

    private static final List<String> TABULAR_READS = List.of(
            "/api/v1/analytics/timeseries?",
            "/api/v1/analytics/top?dimension=page_url&",
            "/api/v1/analytics/sessions?",
            "/api/v1/analytics/sessions/list?",
            "/api/v1/analytics/devices?",
            "/api/v1/analytics/geography?",
            "/api/v1/analytics/daily?");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void listsAnswerItemsAndNextCursorAndASeriesHasEveryHourInTimeOrder() {
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "site");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant at = hour.minus(3, ChronoUnit.HOURS).plusSeconds(60);
        var stored = api.post("/api/v1/ingest/trackers", key, """
                [{"event_type": "page_view", "page_url": "/a", "session_id": "s1", "created_at": "%1$s"},
                 {"event_type": "page_view", "page_url": "/a", "session_id": "s1", "created_at": "%1$s"}]""".formatted(at));
        assertThat(stored.status()).as(stored.body()).isEqualTo(202);
        String window = "from=" + hour.minus(5, ChronoUnit.HOURS) + "&to=" + hour;
        String range = window + "&time_zone=UTC";

        JsonNode series = api.get("/api/v1/analytics/timeseries?interval=hour&" + range, ada.accessToken())
                .json();
        JsonNode averages = api.get(
                        "/api/v1/analytics/timeseries?metric=value_avg&interval=hour&" + range, ada.accessToken())
                .json();
        JsonNode top = api.get("/api/v1/analytics/top?dimension=page_url&" + window, ada.accessToken())
                .json();

        assertThat(series.has("next_cursor") && series.get("next_cursor").isNull())
                .as(series.toString())
                .isTrue();
        assertThat(series.get("items")
                        .valueStream()
                        .map(p ->
                                OffsetDateTime.parse(p.get("period").asString()).toInstant())
                        .toList())
                .as("the five hours of the window, oldest first")
                .containsExactly(
                        hour.minus(5, ChronoUnit.HOURS),
                        hour.minus(4, ChronoUnit.HOURS),
                        hour.minus(3, ChronoUnit.HOURS),
                        hour.minus(2, ChronoUnit.HOURS),
                        hour.minus(1, ChronoUnit.HOURS));
        assertThat(series.get("items")
                        .valueStream()
                        .map(p -> p.get("value").asInt())
                        .toList())
                .containsExactly(0, 0, 2, 0, 0);
        assertThat(averages.get("items")
                        .valueStream()
                        .map(p -> p.get("value").isNull())
                        .toList())
                .as("no event had a value: no average, not 0")
                .containsExactly(true, true, true, true, true);
        assertThat(top.get("items").get(0).get("value").asString()).isEqualTo("/a");
        assertThat(top.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void aDayWhenTheClocksGoBackHasTwentyFiveHoursAndEveryDayAndMonthIsThere() {
        Accounts.SignedIn ada = accounts.owner();
        String paris = "&time_zone=Europe/Paris";

        JsonNode hours = api.get(
                        "/api/v1/analytics/timeseries?interval=hour&from=2026-10-24T22:00:00Z"
                                + "&to=2026-10-25T23:00:00Z" + paris,
                        ada.accessToken())
                .json()
                .get("items");
        JsonNode days = api.get(
                        "/api/v1/analytics/timeseries?metric=sessions&interval=day&from=2026-10-23T22:00:00Z"
                                + "&to=2026-10-27T23:00:00Z" + paris,
                        ada.accessToken())
                .json()
                .get("items");
        JsonNode months = api.get(
                        "/api/v1/analytics/timeseries?metric=users&interval=month&from=2025-12-31T23:00:00Z"
                                + "&to=2026-11-30T23:00:00Z" + paris,
                        ada.accessToken())
                .json()
                .get("items");

        assertThat(hours.size()).as("25 October 2026 in Paris").isEqualTo(25);
        assertThat(hours.valueStream().mapToInt(p -> p.get("value").asInt()).sum())
                .isZero();
        assertThat(days.valueStream()
                        .map(p ->
                                OffsetDateTime.parse(p.get("period").asString()).toInstant())
                        .toList())
                .as("local midnights, before and after the change")
                .containsExactly(
                        Instant.parse("2026-10-23T22:00:00Z"), Instant.parse("2026-10-24T22:00:00Z"),
                        Instant.parse("2026-10-25T23:00:00Z"), Instant.parse("2026-10-26T23:00:00Z"));
        assertThat(days.valueStream().map(p -> p.get("value").asInt()).toList()).containsExactly(0, 0, 0, 0);
        assertThat(months.size()).as("January to November").isEqualTo(11);
        assertThat(OffsetDateTime.parse(months.get(3).get("period").asString()).toInstant())
                .isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        var tooMany = api.get(
                "/api/v1/analytics/timeseries?interval=hour&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                ada.accessToken());
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString()).contains("at most " + SeriesPeriods.MAX + " periods");
    }

    @Test
    void everyAnalyticsReadAnswersCsvWhenAskedByFormatOrAcceptAndRefusesOtherFormats() {
        Accounts.SignedIn ada = accounts.owner();
        for (String read : TABULAR_READS) {
            var byFormat = api.get(read + "format=csv", ada.accessToken());
            var byAccept = api.send("GET", read, ada.accessToken(), null, List.of("Accept", "text/csv"));
            var json = api.send("GET", read + "format=json", ada.accessToken(), null, List.of("Accept", "*/*"));
            var unknown = api.get(read + "format=xml", ada.accessToken());
            var unacceptable = api.send("GET", read, ada.accessToken(), null, List.of("Accept", "image/png"));

            assertThat(byFormat.status()).as(read + byFormat.body()).isEqualTo(200);
            assertThat(byFormat.contentType()).as(read).startsWith("text/csv");
            assertThat(byFormat.body()).as(read).contains("\n").doesNotStartWith("{");
            assertThat(byAccept.status()).as(read + byAccept.body()).isEqualTo(200);
            assertThat(byAccept.contentType()).as(read).startsWith("text/csv");
            assertThat(byAccept.body()).as(read).isEqualTo(byFormat.body());
            assertThat(json.contentType()).as(read).startsWith("application/json");
            assertThat(unknown.status()).as(read + unknown.body()).isEqualTo(400);
            assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("format");
            assertThat(unacceptable.status()).as(read + unacceptable.body()).isEqualTo(406);
            assertThat(unacceptable.contentType()).as(read).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/analytics/sessions?format=csv", ada.accessToken())
                        .body()
                        .lines()
                        .toList())
                .as("one row")
                .containsExactly("sessions,average_duration_seconds,bounce_rate", "0,0.0,0.0");
        assertThat(api.get(
                                "/api/v1/analytics/timeseries?interval=day&from=2026-10-01T00:00:00Z&to=2026-10-03T00:00:00Z"
                                        + "&time_zone=UTC&format=csv",
                                ada.accessToken())
                        .body())
                .isEqualTo("period,events\n2026-10-01T00:00:00Z,0\n2026-10-02T00:00:00Z,0\n");
        var badRequestAskingCsv = api.send(
                "GET",
                "/api/v1/analytics/timeseries?metric=clicks",
                ada.accessToken(),
                null,
                List.of("Accept", "text/csv"));
        assertThat(badRequestAskingCsv.status()).isEqualTo(400);
        assertThat(badRequestAskingCsv.contentType()).startsWith("application/problem+json");
        var jsonOnly = api.send(
                "GET",
                "/api/v1/analytics/rollups/rebuilds/0194f1a2-0000-7000-8000-000000000000",
                ada.accessToken(),
                null,
                List.of("Accept", "text/csv"));
        assertThat(jsonOnly.status())
                .as("a JSON-only read asked for CSV: " + jsonOnly.body())
                .isEqualTo(406);
    }

    @Test
    void filtersAreNamedParametersSoATypoIsRefused() {
        Accounts.SignedIn ada = accounts.owner();

        var typo = api.get("/api/v1/analytics/top?dimension=page_url&page_ulr=/pricing", ada.accessToken());
        var notAFilterOfSessions = api.get("/api/v1/analytics/sessions?page_url=/pricing", ada.accessToken());
        var bots = api.get("/api/v1/analytics/timeseries?include_bots=perhaps", ada.accessToken());
        var known = api.get(
                "/api/v1/analytics/timeseries?event_type=page_view&page_url=/a&referrer_url=x&device_type=mobile"
                        + "&browser_name=Chrome&operating_system=iOS&country=GB&include_bots=true",
                ada.accessToken());

        assertThat(typo.status()).as(typo.body()).isEqualTo(400);
        assertThat(typo.json().at("/errors/0/field").asString()).isEqualTo("page_ulr");
        assertThat(notAFilterOfSessions.status())
                .as("a filter /sessions would not apply")
                .isEqualTo(400);
        assertThat(bots.status()).isEqualTo(400);
        assertThat(known.status()).as(known.body()).isEqualTo(200);
    }

    @Test
    void theApiDocumentNamesAndDescribesEachFilterAndBothMediaTypes() {
        JsonNode get = api.get("/v3/api-docs", null).json().at("/paths/~1api~1v1~1analytics~1timeseries/get");

        List<String> names = get.get("parameters")
                .valueStream()
                .map(p -> p.get("name").asString())
                .toList();
        assertThat(names)
                .contains(
                        "event_type",
                        "page_url",
                        "referrer_url",
                        "device_type",
                        "browser_name",
                        "operating_system",
                        "country",
                        "include_bots",
                        "format")
                .doesNotContain("parameters", "Accept");
        get.get("parameters")
                .valueStream()
                .filter(p ->
                        !List.of("metric", "interval").contains(p.get("name").asString()))
                .forEach(p -> {
                    assertThat(p.get("required") == null || !p.get("required").asBoolean())
                            .as(p.toString())
                            .isTrue();
                    assertThat(p.has("description") ? p.get("description").asString() : "")
                            .as(p.toString())
                            .isNotBlank();
                });
        assertThat(get.get("parameters")
                        .valueStream()
                        .filter(p -> p.get("name").asString().equals("include_bots"))
                        .map(p -> p.at("/schema/type").asString())
                        .toList())
                .containsExactly("boolean");
        assertThat(List.copyOf(get.at("/responses/200/content").propertyNames()))
                .contains("application/json", "text/csv");
    }
}
