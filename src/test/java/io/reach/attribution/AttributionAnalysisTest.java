package io.reach.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's own lookback and "exclude prior customers" change which touches a conversion takes;
 * an analysis runs in the background and stores each attributed conversion's path and the
 * campaign's day with its cost, conversions, revenue, CPA and ROAS per model.
 */
@ReachTest
class AttributionAnalysisTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    final LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    final Instant noon = yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC);

    @Test
    void campaignRulesApplyAndAnAnalysisStoresPathsAndDailyFigures() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        String shortWindow = campaign(token, "{\"name\": \"Short window\"}");
        String loyal =
                campaign(token, "{\"name\": \"Loyal\", \"start_date\": \"" + noon.minus(3, ChronoUnit.DAYS) + "\"}");
        Api.Response touches = api.post(
                "/api/v1/ingest/touches",
                token,
                String.join(
                        "\n",
                        touch("podcast", "v1", shortWindow, noon.minus(10, ChronoUnit.DAYS)),
                        touch("email", "v2", loyal, noon.minus(1, ChronoUnit.DAYS))));
        assertThat(touches.status()).as(touches.body()).isEqualTo(202);
        Api.Response conversions = api.post(
                "/api/v1/ingest/conversions",
                token,
                String.join(
                        "\n",
                        conversion("v1", "O-1", 100, noon),
                        conversion("v2", "O-0", 50, noon.minus(20, ChronoUnit.DAYS)),
                        conversion("v2", "O-2", 80, noon)));
        assertThat(conversions.status()).as(conversions.body()).isEqualTo(202);
        assertThat(attributed(token))
                .as("both campaigns' touches within 30 days")
                .isEqualTo(2);

        Api.Response shorter =
                api.put("/api/v1/attribution/campaigns/" + shortWindow + "/settings", token, "{\"lookback_days\": 5}");
        assertThat(shorter.status()).as(shorter.body()).isEqualTo(200);
        assertThat(shorter.json().get("lookback_days").asInt()).isEqualTo(5);
        assertThat(attributed(token))
                .as("the short window's touch is 10 days old")
                .isEqualTo(1);

        api.put("/api/v1/attribution/campaigns/" + loyal + "/settings", token, "{\"exclude_prior_customers\": true}");
        assertThat(attributed(token)).as("v2 bought before Loyal started").isZero();
        assertThat(api.get("/api/v1/attribution/campaigns/" + loyal + "/settings", token)
                        .json()
                        .get("lookback_days")
                        .asInt())
                .isEqualTo(30);
        api.put("/api/v1/attribution/campaigns/" + loyal + "/settings", token, "{\"exclude_prior_customers\": false}");

        String sponsor = api.post("/api/v1/sponsors", token, "{\"name\": \"Acme\"}")
                .json()
                .get("id")
                .asString();
        Api.Response booking = api.post("/api/v1/io-bookings", token, """
                {"sponsor_id": "%s", "campaign_id": "%s", "flight_start": "%s", "flight_end": "%s", "pricing": "flat",
                 "price": 300, "currency": "USD", "status": "live"}""".formatted(
                        sponsor, loyal, yesterday.minusDays(1), yesterday.plusDays(1)));
        assertThat(booking.status()).as(booking.body()).isEqualTo(201);

        Api.Response started = api.post(
                "/api/v1/attribution/analyses",
                token,
                "{\"from\": \"" + yesterday + "\", \"to\": \"" + yesterday + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/attribution/analyses/" + job, token)
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("succeeded"));
        JsonNode done = api.get("/api/v1/attribution/analyses/" + job, token).json();
        assertThat(done.get("done_days").asInt())
                .isEqualTo(done.get("total_days").asInt())
                .isEqualTo(1);
        assertThat(done.get("paths").asLong()).isEqualTo(1);

        JsonNode analytics = api.get("/api/v1/attribution/analytics?from=" + yesterday + "&to=" + yesterday, token)
                .json()
                .get("items");
        assertThat(analytics.size()).isEqualTo(1);
        JsonNode day = analytics.get(0);
        assertThat(day.get("campaign_id").asString()).isEqualTo(loyal);
        JsonNode metrics = day.get("metrics");
        assertThat(metrics.get("cost").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode lastTouch = metrics.get("models").get("Last touch");
        assertThat(lastTouch.get("conversions").asDouble()).isEqualTo(1.0);
        assertThat(lastTouch.get("revenue").decimalValue()).isEqualByComparingTo("80");
        assertThat(lastTouch.get("cpa").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(lastTouch.get("roas").decimalValue()).isEqualByComparingTo("0.8");

        JsonNode paths = api.get("/api/v1/attribution/stored-paths?from=" + yesterday + "&to=" + yesterday, token)
                .json()
                .get("items");
        assertThat(paths.size()).isEqualTo(1);
        assertThat(paths.get(0).get("listener_id").asString()).isEqualTo("v:v2");
        assertThat(paths.get(0).get("campaign_id").asString()).isEqualTo(loyal);
        assertThat(paths.get(0).at("/touchpoints/0/campaign_id").asString()).isEqualTo(loyal);
        assertThat(paths.get(0).get("value").decimalValue()).isEqualByComparingTo("80");

        String stranger = accounts.owner().accessToken();
        assertThat(api.get("/api/v1/attribution/analyses/" + job, stranger).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/attribution/campaigns/" + loyal + "/settings", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/attribution/analytics?from=" + yesterday + "&to=" + yesterday, stranger)
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.put("/api/v1/attribution/campaigns/" + loyal + "/settings", token, "{\"lookback_days\": 61}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/attribution/analyses", token, "{\"from\": \"" + yesterday + "\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void sharedAddressesAreEstimatedAndAConversionBeforeAnyExposureIsSuspect() {
        String token = accounts.owner().accessToken();
        List<String> touches = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            touches.add("{\"occurred_at\": \"" + noon.minus(1, ChronoUnit.HOURS) + "\", \"channel\": \"podcast\","
                    + " \"visitor\": \"office-" + i + "\", \"ip\": \"198.51.100.77\"}");
        }
        touches.add("{\"occurred_at\": \"" + noon.minus(1, ChronoUnit.HOURS) + "\", \"channel\": \"podcast\","
                + " \"ip\": \"198.51.100.78\"}");
        touches.add("{\"occurred_at\": \"" + noon.plus(1, ChronoUnit.HOURS) + "\", \"channel\": \"email\","
                + " \"visitor\": \"late\"}");
        assertThat(api.post("/api/v1/ingest/touches", token, String.join("\n", touches))
                        .status())
                .isEqualTo(202);
        Api.Response conversions = api.post(
                "/api/v1/ingest/conversions",
                token,
                String.join(
                        "\n",
                        "{\"occurred_at\": \"" + noon + "\", \"action\": \"signup\", \"ip\": \"198.51.100.77\"}",
                        "{\"occurred_at\": \"" + noon + "\", \"action\": \"signup\", \"ip\": \"198.51.100.78\"}",
                        "{\"occurred_at\": \"" + noon + "\", \"action\": \"signup\", \"visitor\": \"late\"}"));
        assertThat(conversions.status()).as(conversions.body()).isEqualTo(202);

        JsonNode results = api.get("/api/v1/attribution/results?from=" + yesterday + "&to=" + yesterday, token)
                .json();
        assertThat(results.get("attributed_conversions").asInt()).isEqualTo(2);
        assertThat(results.get("estimated_conversions").asInt())
                .as("nine visitors behind one address: a shared one")
                .isEqualTo(1);
        assertThat(results.get("confirmed_conversions").asInt()).isEqualTo(1);
        assertThat(results.at("/validation/suspect").asInt())
                .as("'late' converted an hour before its only touch")
                .isEqualTo(1);
        JsonNode validations = api.get("/api/v1/attribution/validations?from=" + yesterday + "&to=" + yesterday, token)
                .json()
                .get("items");
        assertThat(validations.toString()).contains("before_exposure");
    }

    private int attributed(String token) {
        return api.get("/api/v1/attribution/results?from=" + yesterday + "&to=" + yesterday + "&point=campaign", token)
                .json()
                .get("attributed_conversions")
                .asInt();
    }

    private String campaign(String token, String body) {
        Api.Response created = api.post("/api/v1/campaigns", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String touch(String channel, String visitor, String campaign, Instant at) {
        return "{\"occurred_at\": \"" + at + "\", \"channel\": \"" + channel + "\", \"visitor\": \"" + visitor
                + "\", \"campaign\": \"" + campaign + "\"}";
    }

    private static String conversion(String visitor, String order, double value, Instant at) {
        return "{\"occurred_at\": \"" + at + "\", \"action\": \"purchase\", \"value\": " + value
                + ", \"currency\": \"USD\", \"order_id\": \"" + order + "\", \"visitor\": \"" + visitor + "\"}";
    }
}
