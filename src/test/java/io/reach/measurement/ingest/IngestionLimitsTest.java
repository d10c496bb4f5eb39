package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** The month's event quota and the public site keys' own rate limits. */
@ReachTest
class IngestionLimitsTest {

    private static final String EVENT = "{\"event_type\": \"page_view\", \"page_url\": \"/\", \"session_id\": \"v1\"}";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Value("${reach.measurement.site-key-rate.per-ip-per-minute}")
    int perAddress;

    @Test
    void aBatchBeyondTheMonthsEventQuotaIsRefusedWhole() {
        Accounts.SignedIn ada = accounts.owner();
        assertThat(api.put(
                                "/api/v1/admin/tenants/" + ada.tenantId() + "/quotas",
                                Api.ADMIN,
                                "{\"max_monthly_events\": 3}")
                        .status())
                .isEqualTo(200);
        String key = accounts.ingestKey(ada, "server");
        var stored = api.post("/api/v1/ingest/trackers", key, "[" + EVENT + ", " + EVENT + ", {\"event_type\": 42}]");
        assertThat(stored.status()).as(stored.body()).isEqualTo(202);
        assertThat(stored.json().get("accepted").asInt())
                .as("a rejected event does not count")
                .isEqualTo(2);

        var refused = api.post("/api/v1/ingest/trackers", key, "[" + EVENT + ", " + EVENT + "]");

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:reach:problem:quota-exceeded");
        assertThat(problem.get("quota").asString()).isEqualTo("max_monthly_events");
        assertThat(problem.get("limit").asLong()).isEqualTo(3);
        assertThat(problem.get("used").asLong()).isEqualTo(2);
        assertThat(problem.get("requested").asLong()).isEqualTo(2);
        assertThat(problem.get("period").asString())
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(refused.header("Retry-After")).isNotNull();

        assertThat(api.post("/api/v1/ingest/trackers", key, "[" + EVENT + "]").status())
                .as("what still fits")
                .isEqualTo(202);
        JsonNode usage = api.get("/api/v1/tenant/quotas", ada.accessToken())
                .json()
                .get("quotas")
                .valueStream()
                .filter(q -> q.get("quota").asString().equals("max_monthly_events"))
                .findFirst()
                .orElseThrow();
        assertThat(usage.get("used").asLong()).isEqualTo(3);
        assertThat(usage.get("remaining").asLong()).isZero();
    }

    @Test
    void aSiteKeyLimitsEachVisitorAddressOnItsOwn() {
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post(
                        "/api/v1/site-keys",
                        ada.accessToken(),
                        "{\"name\": \"shop\", \"allowed_origins\": [\"https://shop.example\"]}")
                .json()
                .get("key")
                .asString();
        String path = "/api/v1/ingest/trackers?site_key=" + key;
        String visitor = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);

        for (int i = 0; i < perAddress; i++) {
            assertThat(fromAddress(path, visitor).status()).isEqualTo(202);
        }
        var refused = fromAddress(path, visitor);

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Policy")).contains("\"address\";q=" + perAddress + ";w=60");
        assertThat(refused.header("RateLimit")).contains("\"address\";r=0;t=" + retryAfter);
        assertThat(refused.header("Access-Control-Allow-Origin"))
                .as("the browser may read the refusal")
                .isEqualTo("https://shop.example");
        assertThat(fromAddress(path, "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255))
                        .status())
                .as("another visitor of the same site")
                .isEqualTo(202);
    }

    private Api.Response fromAddress(String path, String address) {
        return api.send(
                "POST",
                path,
                null,
                EVENT,
                List.of("Origin", "https://shop.example", "Content-Type", "text/plain", "X-Forwarded-For", address));
    }
}
