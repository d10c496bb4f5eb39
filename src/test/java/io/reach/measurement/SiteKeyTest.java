package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.ingest.Sessionizer;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Public site keys: browsers of allowed origins write events (CORS included) and can do nothing else. */
@ReachTest
class SiteKeyTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Autowired
    Api api;

    @Autowired
    Sessionizer sessionizer;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Test
    void browsersOfAllowedOriginsWriteEventsOfTheKeysTenantOnly() {
        Accounts.SignedIn ada = accounts.owner();
        var created = api.post("/api/v1/site-keys", ada.accessToken(), """
                {"name": "shop", "allowed_origins": ["https://Shop.example", "https://*.blog.example"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asString();
        assertThat(key).startsWith("rs_site_");
        assertThat(created.json().get("allowed_origins").valueStream().map(JsonNode::asString))
                .containsExactly("https://shop.example", "https://*.blog.example");
        String path = "/api/v1/ingest/trackers?site_key=" + key;

        var preflight = api.send(
                "OPTIONS",
                path,
                null,
                null,
                List.of(
                        "Origin",
                        "https://shop.example",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST");

        var sent = api.send(
                "POST",
                path,
                null,
                """
                {"event_type": "page_view", "page_url": "/", "session_id": "v1", "ip_address": "8.8.8.8"}""",
                List.of("Origin", "https://news.blog.example", "Content-Type", "text/plain", "User-Agent", FIREFOX));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.header("Access-Control-Allow-Origin")).isEqualTo("https://news.blog.example");
        assertThat(rows(ada.tenantId()))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .as("the visitor is the sender: its address and user agent, not the body's")
                        .containsEntry("ip_address", "127.0.0.0")
                        .containsEntry("browser_name", "Firefox"));

        sessionizer.drain(TenantId.of(ada.tenantId()));
        JsonNode devices =
                api.get("/api/v1/analytics/devices", ada.accessToken()).json().get("items");
        assertThat(devices.valueStream().map(d -> d.get("browser").asString())).containsExactly("Firefox");
        assertThat(api.get("/api/v1/analytics/devices", accounts.owner().accessToken())
                        .json()
                        .get("items")
                        .size())
                .as("devices only other tenants' visitors used are not shown")
                .isZero();

        String event = "[{\"event_type\": \"page_view\"}]";
        assertThat(api.send("POST", path, null, event, List.of("Origin", "https://evil.example"))
                        .status())
                .isEqualTo(403);
        assertThat(api.send("POST", path, null, event, List.of("Origin", "https://blog.example"))
                        .status())
                .as("a wildcard is for subdomains only")
                .isEqualTo(403);
        assertThat(api.send("POST", path, null, event, List.of()).status())
                .as("no Origin")
                .isEqualTo(403);
        assertThat(api.send(
                                "POST",
                                "/api/v1/ingest/trackers?site_key=rs_site_nonsense",
                                null,
                                event,
                                List.of("Origin", "https://shop.example"))
                        .status())
                .isEqualTo(401);
        assertThat(rows(ada.tenantId())).hasSize(1);

        assertThat(api.get("/api/v1/analytics/timeseries?site_key=" + key, null).status())
                .as("write-only")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/analytics/timeseries", key).status())
                .as("not a bearer token")
                .isEqualTo(401);
        assertThat(api.post("/api/v1/ingest/trackers", null, event).status()).isEqualTo(401);

        Accounts.SignedIn eve = accounts.owner();
        String evesKey = api.post("/api/v1/site-keys", eve.accessToken(), """
                {"name": "eve", "allowed_origins": ["https://shop.example"]}""")
                .json()
                .get("key")
                .asString();
        assertThat(api.send(
                                "POST",
                                "/api/v1/ingest/trackers?site_key=" + evesKey,
                                null,
                                event,
                                List.of("Origin", "https://shop.example"))
                        .status())
                .isEqualTo(202);
        assertThat(rows(ada.tenantId())).as("eve's key writes eve's events").hasSize(1);
        assertThat(rows(eve.tenantId())).hasSize(1);
    }

    @Test
    void siteKeysAreManagedWithValidOriginsAndStopWorkingWhenRevoked() {
        Accounts.SignedIn ada = accounts.owner();
        var invalid = api.post("/api/v1/site-keys", ada.accessToken(), """
                {"name": "bad", "allowed_origins": ["ftp://files.example", "https://shop.example/checkout", "*"]}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("allowed_origins[0]")
                .contains("allowed_origins[1]")
                .contains("allowed_origins[2]");
        assertThat(api.post("/api/v1/site-keys", ada.accessToken(), "{\"name\": \"none\", \"allowed_origins\": []}")
                        .status())
                .isEqualTo(400);

        JsonNode key = api.post("/api/v1/site-keys", ada.accessToken(), """
                {"name": "shop", "allowed_origins": ["https://shop.example"]}""").json();
        String id = key.get("id").asString();
        String path = "/api/v1/ingest/trackers?site_key=" + key.get("key").asString();
        String event = "[{\"event_type\": \"page_view\"}]";
        var changed = api.patch(
                "/api/v1/site-keys/" + id, ada.accessToken(), "{\"allowed_origins\": [\"http://localhost:3000\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(api.send("POST", path, null, event, List.of("Origin", "https://shop.example"))
                        .status())
                .isEqualTo(403);
        assertThat(api.send("POST", path, null, event, List.of("Origin", "http://localhost:3000"))
                        .status())
                .isEqualTo(202);
        assertThat(api.get("/api/v1/site-keys", ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/site-keys/" + id, accounts.owner().accessToken())
                        .status())
                .isEqualTo(404);

        assertThat(api.delete("/api/v1/site-keys/" + id, ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.send("POST", path, null, event, List.of("Origin", "http://localhost:3000"))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/site-keys/" + id, ada.accessToken())
                        .json()
                        .get("revoked_at")
                        .isNull())
                .isFalse();
        assertThat(api.patch("/api/v1/site-keys/" + id, ada.accessToken(), "{\"name\": \"again\"}")
                        .status())
                .isEqualTo(409);
    }

    private List<Map<String, @Nullable Object>> rows(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForList("select ip_address, browser_name from measurement.trackers");
        });
    }
}
