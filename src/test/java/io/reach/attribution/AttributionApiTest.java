package io.reach.attribution;

import static io.reach.attribution.ResultsJson.credit;
import static io.reach.attribution.ResultsJson.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Touches and conversions sent through the API, credited by the workspace's models: the lookback's
 * edges, visitor before household, an order id once, metadata kept, bad lines refused one by one,
 * models managed, and nothing of one workspace reachable from another.
 */
@ReachTest
class AttributionApiTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    final Instant noon =
            LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
    final String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    @Test
    void conversionsAreCreditedToTheTouchesInTheirLookback() {
        Accounts.SignedIn ada = accounts.owner();
        String campaign = api.post("/api/v1/campaigns", ada.accessToken(), "{\"name\": \"Spring\"}")
                .json()
                .get("id")
                .asString();
        Api.Response touches = api.post(
                "/api/v1/ingest/touches",
                ada.accessToken(),
                String.join(
                        "\n",
                        touch("podcast", "v1", null, noon.minus(30, ChronoUnit.DAYS)),
                        touch(
                                "email",
                                "v1",
                                null,
                                noon.minus(30, ChronoUnit.DAYS).minusSeconds(1)),
                        touch("social", "v1", null, noon.minus(2, ChronoUnit.HOURS)),
                        touch("podcast", null, "198.51.100.7", noon.minus(3, ChronoUnit.DAYS)),
                        touch("email", "v9", null, noon.minus(1, ChronoUnit.HOURS)),
                        "{\"occurred_at\": \"" + noon
                                + "\", \"channel\": \"podcast\", \"visitor\": \"v1\", \"campaign\": \"" + campaign
                                + "\", \"show\": \"daily\"}",
                        "{\"occurred_at\": \"" + noon + "\", \"visitor\": \"v1\"}",
                        "{\"occurred_at\": \"" + noon
                                + "\", \"channel\": \"x\", \"visitor\": \"v1\", \"campaign\": \"not-an-id\"}"));
        assertThat(touches.status()).as(touches.body()).isEqualTo(202);
        assertThat(touches.json().get("stored").asInt()).isEqualTo(6);
        assertThat(touches.json().at("/rejected/0/index").asInt()).isEqualTo(6);
        assertThat(touches.json().at("/rejected/0/errors/0/field").asString()).isEqualTo("channel");
        assertThat(touches.json().at("/rejected/1/errors/0/field").asString()).isEqualTo("campaign");

        Api.Response conversions = api.post(
                "/api/v1/ingest/conversions",
                ada.accessToken(),
                String.join(
                        "\n",
                        conversion("v1", null, "A-1", 90),
                        conversion("v1", null, "A-1", 90),
                        conversion(null, "198.51.100.7", "B-2", 30),
                        conversion("nobody", null, "C-3", 10),
                        "{\"occurred_at\": \"" + noon + "\", \"action\": \"purchase\", \"value\": 5}"));
        assertThat(conversions.status()).as(conversions.body()).isEqualTo(202);
        assertThat(conversions.json().get("stored").asInt()).isEqualTo(4);
        assertThat(conversions.json().at("/rejected/0/errors/0/field").asString())
                .isEqualTo("currency");

        JsonNode results = api.get(
                        "/api/v1/attribution/results?from=" + day + "&to=" + day + "&lookback_days=30",
                        ada.accessToken())
                .json();
        assertThat(results.get("conversions").asInt()).as("order A-1 once").isEqualTo(3);
        assertThat(results.get("attributed_conversions").asInt()).isEqualTo(2);
        assertThat(results.get("unattributed_conversions").asInt()).isEqualTo(1);
        assertThat(results.get("non_converting_journeys").asInt())
                .as("visitor v9")
                .isEqualTo(1);
        JsonNode linear = model(results, "linear");
        // v1: podcast (30 days before, the edge), social, podcast at noon — email one second too early is out.
        // The household's podcast touch takes the second conversion whole.
        assertThat(credit(linear, "podcast")).isCloseTo(1 + 2.0 / 3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(credit(linear, "social")).isEqualTo(0.333333);
        assertThat(credit(linear, "email")).isZero();
        assertThat(credit(model(results, "first_touch"), "podcast")).isEqualTo(2);
        assertThat(model(results, "markov").get("credits")).isNotEmpty();

        JsonNode byCampaign = api.get(
                        "/api/v1/attribution/results?from=" + day + "&to=" + day + "&point=campaign", ada.accessToken())
                .json();
        assertThat(credit(model(byCampaign, "last_touch"), campaign)).isEqualTo(1);

        JsonNode paths = api.get("/api/v1/attribution/paths?from=" + day + "&to=" + day, ada.accessToken())
                .json()
                .get("items");
        assertThat(paths.valueStream()
                        .map(p -> p.get("path").toString() + " "
                                + p.get("journeys").asLong() + " "
                                + p.get("conversions").asLong() + " "
                                + p.get("value").asDouble())
                        .toList())
                .containsExactly(
                        "[\"podcast\"] 1 1 30.0",
                        "[\"podcast\",\"social\",\"podcast\"] 1 1 90.0",
                        "[\"email\"] 1 0 0.0");
        Api.Response csv = api.get("/api/v1/attribution/results.csv?from=" + day + "&to=" + day, ada.accessToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("model,model_type,channel,conversions,value\n")
                .contains("Linear,linear,podcast,1.666667,");

        String metadata = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForObject("select metadata::text from attribution.event_metadata", String.class);
        });
        assertThat(metadata).isEqualTo("{\"show\": \"daily\"}");

        Accounts.SignedIn bob = accounts.owner();
        JsonNode bobs = api.get("/api/v1/attribution/results?from=" + day + "&to=" + day, bob.accessToken())
                .json();
        assertThat(bobs.get("conversions").asInt()).isZero();
        Api.Response foreignCampaign = api.post(
                "/api/v1/ingest/touches",
                bob.accessToken(),
                "{\"occurred_at\": \"" + noon + "\", \"channel\": \"x\", \"visitor\": \"v1\", \"campaign\": \""
                        + campaign + "\"}");
        assertThat(foreignCampaign.json().at("/rejected/0/errors/0/field").asString())
                .isEqualTo("campaign");
    }

    @Test
    void conversionsAreJudgedAsTheyComeIn() {
        Accounts.SignedIn ada = accounts.owner();
        api.post(
                "/api/v1/ingest/touches",
                ada.accessToken(),
                touch("email", "quick", null, noon.minusSeconds(1)) + "\n"
                        + touch("email", "slow", null, noon.minusSeconds(60)));
        Api.Response sent = api.post(
                "/api/v1/ingest/conversions",
                ada.accessToken(),
                String.join(
                        "\n",
                        conversion("slow", null, "J-1", 10),
                        conversion("slow", null, "J-1", 10),
                        "{\"occurred_at\": \"" + noon + "\", \"action\": \"signup\", \"visitor\": \"crawler\","
                                + " \"user_agent\": \"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)\"}",
                        conversion(null, "1.12.0.9", "J-2", 10),
                        conversion("quick", null, "J-3", 10)));
        assertThat(sent.json().get("stored").asInt()).as(sent.body()).isEqualTo(5);

        JsonNode judged = api.get("/api/v1/attribution/validations?from=" + day + "&to=" + day, ada.accessToken())
                .json()
                .get("items");
        assertThat(judged).hasSize(5);
        List<String> outcomes = judged.valueStream()
                .map(v -> v.get("outcome").asString() + " "
                        + v.at("/details/reasons").toString())
                .sorted()
                .toList();
        assertThat(outcomes)
                .containsExactly(
                        "rejected [\"bot_user_agent\"]",
                        "rejected [\"duplicate_order\"]",
                        "suspect [\"datacenter_ip\"]",
                        "suspect [\"impossible_speed\"]",
                        "valid []");
        JsonNode results = api.get("/api/v1/attribution/results?from=" + day + "&to=" + day, ada.accessToken())
                .json();
        assertThat(results.get("conversions").asInt())
                .as("rejected ones are left out")
                .isEqualTo(3);
        assertThat(results.at("/validation/suspect").asLong()).isEqualTo(2);
        assertThat(results.at("/validation/rejected").asLong()).isEqualTo(2);
        assertThat(api.get(
                                "/api/v1/attribution/validations?from=" + day + "&to=" + day,
                                accounts.owner().accessToken())
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.get(
                                "/api/v1/attribution/validations?from=" + day + "&to=" + day + "&outcome=odd",
                                ada.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void modelsAreTheWorkspacesOwn() {
        Accounts.SignedIn ada = accounts.owner();
        JsonNode defaults =
                api.get("/api/v1/attribution/models", ada.accessToken()).json();
        assertThat(defaults.get("items")).hasSize(7);
        Api.Response created = api.post(
                "/api/v1/attribution/models",
                ada.accessToken(),
                "{\"name\": \"U-shaped 30/30\", \"model_type\": \"position_based\", \"configuration\": {\"first\": 0.3, \"last\": 0.3}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().at("/configuration/first").asDouble()).isEqualTo(0.3);
        assertThat(api.post(
                                "/api/v1/attribution/models",
                                ada.accessToken(),
                                "{\"name\": \"u-shaped 30/30\", \"model_type\": \"linear\"}")
                        .status())
                .as("names are unique regardless of case")
                .isEqualTo(409);
        Api.Response bad = api.post(
                "/api/v1/attribution/models",
                ada.accessToken(),
                "{\"name\": \"Bad\", \"model_type\": \"position_based\", \"configuration\": {\"first\": 0.8, \"last\": 0.8}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/attribution/models",
                                ada.accessToken(),
                                "{\"name\": \"Bad\", \"model_type\": \"time_decay\", \"configuration\": {\"half_life\": 3}}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/attribution/models",
                                ada.accessToken(),
                                "{\"name\": \"Bad\", \"model_type\": \"magic\"}")
                        .status())
                .isEqualTo(400);
        Api.Response changed = api.patch("/api/v1/attribution/models/" + id, ada.accessToken(), "{\"enabled\": false}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(api.patch("/api/v1/attribution/models/" + id, ada.accessToken(), "{\"model_type\": \"linear\"}")
                        .status())
                .isEqualTo(400);
        JsonNode results = api.get(
                        "/api/v1/attribution/results?from=" + day + "&to=" + day + "&models=" + id, ada.accessToken())
                .json();
        assertThat(results.get("models")).hasSize(1);
        assertThat(api.get(
                                "/api/v1/attribution/results?from=" + day + "&to=" + day + "&lookback_days=61",
                                ada.accessToken())
                        .status())
                .isEqualTo(400);

        Accounts.SignedIn bob = accounts.owner();
        assertThat(api.get("/api/v1/attribution/models/" + id, bob.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/attribution/models/" + id, bob.accessToken(), "{\"enabled\": true}")
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/attribution/models/" + id, bob.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(
                                "/api/v1/attribution/results?from=" + day + "&to=" + day + "&models=" + id,
                                bob.accessToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.delete("/api/v1/attribution/models/" + id, ada.accessToken())
                        .status())
                .isEqualTo(204);
    }

    private String touch(String channel, @Nullable String visitor, @Nullable String ip, Instant at) {
        return "{\"occurred_at\": \"" + at + "\", \"channel\": \"" + channel + "\""
                + (visitor == null ? "" : ", \"visitor\": \"" + visitor + "\"")
                + (ip == null ? "" : ", \"ip\": \"" + ip + "\"") + "}";
    }

    private String conversion(@Nullable String visitor, @Nullable String ip, String order, double value) {
        return "{\"occurred_at\": \"" + noon + "\", \"action\": \"purchase\", \"value\": " + value
                + ", \"currency\": \"EUR\", \"order_id\": \"" + order + "\""
                + (visitor == null ? "" : ", \"visitor\": \"" + visitor + "\"")
                + (ip == null ? "" : ", \"ip\": \"" + ip + "\"") + "}";
    }
}
