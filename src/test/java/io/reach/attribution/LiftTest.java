package io.reach.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
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
 * Lift with a holdout: households are split by deterministic hashing, the held-out ones' touches
 * earn the campaign no credit, and the lift with its interval matches the figures worked out by hand
 * from the groups; without a holdout, lift is measured against a baseline period.
 */
@ReachTest
class LiftTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    final LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    final Instant noon = yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC);

    @Test
    void aHoldoutGroupMeasuresLiftAndEarnsNoCredit() {
        String token = accounts.owner().accessToken();
        String campaign = api.post("/api/v1/campaigns", token, "{\"name\": \"Holdout\"}")
                .json()
                .get("id")
                .asString();
        Api.Response settings =
                api.put("/api/v1/attribution/campaigns/" + campaign + "/settings", token, "{\"holdout_share\": 0.5}");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);

        List<String> exposed = new ArrayList<>();
        List<String> holdout = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String ip = "198.51.100." + i;
            JsonNode group = api.post(
                            "/api/v1/attribution/campaigns/" + campaign + "/assignment",
                            token,
                            "{\"ip\": \"" + ip + "\"}")
                    .json();
            assertThat(api.post(
                                    "/api/v1/attribution/campaigns/" + campaign + "/assignment",
                                    token,
                                    "{\"ip\": \"" + ip + "\"}")
                            .json()
                            .get("group"))
                    .as("the same household is always in the same group")
                    .isEqualTo(group.get("group"));
            (group.get("group").asString().equals("holdout") ? holdout : exposed).add(ip);
        }
        assertThat(exposed).hasSizeGreaterThan(5);
        assertThat(holdout).hasSizeGreaterThan(5);

        List<String> touches = new ArrayList<>();
        List<String> conversions = new ArrayList<>();
        for (String ip : exposed) {
            touches.add(touch(ip, campaign, noon.minus(2, ChronoUnit.HOURS)));
            conversions.add(conversion(ip, noon));
        }
        int holdoutConverting = holdout.size() / 2;
        for (int i = 0; i < holdout.size(); i++) {
            touches.add(touch(holdout.get(i), campaign, noon.minus(2, ChronoUnit.HOURS)));
            if (i < holdoutConverting) {
                conversions.add(conversion(holdout.get(i), noon));
            }
        }
        assertThat(api.post("/api/v1/ingest/touches", token, String.join("\n", touches))
                        .status())
                .isEqualTo(202);
        assertThat(api.post("/api/v1/ingest/conversions", token, String.join("\n", conversions))
                        .status())
                .isEqualTo(202);

        JsonNode lift = api.get(
                        "/api/v1/attribution/lift?campaign_id=" + campaign + "&from=" + yesterday + "&to=" + yesterday,
                        token)
                .json();
        assertThat(lift.get("method").asString()).isEqualTo("holdout");
        assertThat(lift.at("/exposed/units").asInt()).isEqualTo(exposed.size());
        assertThat(lift.at("/exposed/converted").asInt()).isEqualTo(exposed.size());
        assertThat(lift.at("/control/units").asInt()).isEqualTo(holdout.size());
        assertThat(lift.at("/control/converted").asInt()).isEqualTo(holdoutConverting);
        double controlRate = (double) holdoutConverting / holdout.size();
        double expected = 1 / controlRate - 1;
        assertThat(lift.get("lift").asDouble()).isCloseTo(expected, within(1e-9));
        double se =
                Math.sqrt(1.0 / exposed.size() - 1.0 / exposed.size() + 1.0 / holdoutConverting - 1.0 / holdout.size());
        assertThat(lift.get("low").asDouble())
                .isCloseTo(Math.exp(Math.log(1 / controlRate) - 1.959963984540054 * se) - 1, within(1e-9));
        assertThat(lift.get("high").asDouble())
                .isCloseTo(Math.exp(Math.log(1 / controlRate) + 1.959963984540054 * se) - 1, within(1e-9));

        JsonNode results = api.get(
                        "/api/v1/attribution/results?from=" + yesterday + "&to=" + yesterday + "&point=campaign", token)
                .json();
        assertThat(results.get("attributed_conversions").asInt())
                .as("held-out households heard a public-service ad: their conversions earn the campaign nothing")
                .isEqualTo(exposed.size());
        assertThat(results.get("unattributed_conversions").asInt()).isEqualTo(holdoutConverting);

        String plain = api.post("/api/v1/campaigns", token, "{\"name\": \"No holdout\"}")
                .json()
                .get("id")
                .asString();
        JsonNode baseline = api.get(
                        "/api/v1/attribution/lift?campaign_id=" + plain + "&from=" + yesterday + "&to=" + yesterday,
                        token)
                .json();
        assertThat(baseline.get("method").asString()).isEqualTo("baseline");
        assertThat(baseline.get("baseline_to").asString())
                .isEqualTo(yesterday.minusDays(1).toString());
        assertThat(baseline.get("lift").isNull())
                .as("nothing reached, nothing to compare")
                .isTrue();

        assertThat(api.put("/api/v1/attribution/campaigns/" + campaign + "/settings", token, "{\"holdout_share\": 0.6}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/attribution/campaigns/" + campaign + "/assignment", token, "{\"ip\": \"nope\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/attribution/lift?from=" + yesterday + "&to=" + yesterday, token)
                        .status())
                .isEqualTo(400);
        String stranger = accounts.owner().accessToken();
        assertThat(api.get(
                                "/api/v1/attribution/lift?campaign_id=" + campaign + "&from=" + yesterday + "&to="
                                        + yesterday,
                                stranger)
                        .status())
                .isEqualTo(404);
    }

    private static String touch(String ip, String campaign, Instant at) {
        return "{\"occurred_at\": \"" + at + "\", \"channel\": \"podcast\", \"ip\": \"" + ip + "\", \"campaign\": \""
                + campaign + "\"}";
    }

    private static String conversion(String ip, Instant at) {
        return "{\"occurred_at\": \"" + at + "\", \"action\": \"signup\", \"ip\": \"" + ip + "\"}";
    }
}
