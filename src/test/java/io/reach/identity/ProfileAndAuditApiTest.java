package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ReachTest
class ProfileAndAuditApiTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aUserKeepsKeyValueDataAndEmailPreferences() {
        Accounts.SignedIn ada = accounts.owner();

        api.put("/api/v1/me/data/theme", ada.accessToken(), "{\"value\": \"dark\"}");
        JsonNode data = api.put("/api/v1/me/data/theme", ada.accessToken(), "{\"value\": \"light\"}")
                .json()
                .get("items");
        assertThat(data.size()).isEqualTo(1);
        assertThat(data.get(0).get("value").asString()).isEqualTo("light");
        assertThat(api.delete("/api/v1/me/data/theme", ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/me/data/theme", ada.accessToken()).status())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/me/email-preferences", ada.accessToken())
                        .json()
                        .get("security_alerts")
                        .asBoolean())
                .isTrue();
        JsonNode preferences = api.put(
                        "/api/v1/me/email-preferences",
                        ada.accessToken(),
                        "{\"marketing_emails\": true, \"product_updates\": false, \"security_alerts\": true}")
                .json();
        assertThat(preferences.get("marketing_emails").asBoolean()).isTrue();
        assertThat(preferences.get("product_updates").asBoolean()).isFalse();
    }

    @Test
    void signInsAreCountedInTheUsersMetrics() {
        Accounts.SignedIn ada = accounts.owner();

        JsonNode metrics =
                api.get("/api/v1/me/metrics", ada.accessToken()).json().get("items");

        assertThat(metrics.valueStream()
                        .filter(m -> m.get("metric_name").asString().equals("logins"))
                        .findFirst()
                        .orElseThrow()
                        .get("metric_value")
                        .asDouble())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void administratorsReadTheirWorkspacesAuditTrail() {
        Accounts.SignedIn ada = accounts.owner();
        api.post("/api/v1/api-keys", ada.accessToken(), "{\"name\": \"audited\", \"scopes\": [\"*\"]}");

        JsonNode logs = api.get("/api/v1/audit-logs", ada.accessToken()).json();
        JsonNode keyLogs = api.get("/api/v1/audit-logs?action=api_key.created", ada.accessToken())
                .json();
        JsonNode events = api.get("/api/v1/security-events?event_type=login.succeeded", ada.accessToken())
                .json();

        assertThat(logs.get("items")
                        .valueStream()
                        .map(item -> item.get("action").asString()))
                .containsSubsequence("api_key.created", "user.signed_up");
        assertThat(keyLogs.get("items").size()).isEqualTo(1);
        assertThat(keyLogs.at("/items/0/new_values/name").asString()).isEqualTo("audited");
        assertThat(events.get("items").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit-logs?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z", ada.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theAuditTrailPagesNewestFirst() {
        Accounts.SignedIn ada = accounts.owner();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/api-keys", ada.accessToken(), "{\"name\": \"k%d\", \"scopes\": [\"*\"]}".formatted(i));
        }

        JsonNode first =
                api.get("/api/v1/audit-logs?limit=2", ada.accessToken()).json();
        JsonNode second = api.get(
                        "/api/v1/audit-logs?limit=2&cursor="
                                + first.get("next_cursor").asString(),
                        ada.accessToken())
                .json();

        assertThat(first.at("/items/0/new_values/name").asString()).isEqualTo("k2");
        assertThat(first.at("/items/1/new_values/name").asString()).isEqualTo("k1");
        assertThat(second.at("/items/0/new_values/name").asString()).isEqualTo("k0");
    }

    @Test
    void thePlatformAdminAccountSignsInAndUsesTheAdminApi() {
        JsonNode session = api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"platform-admin@example.com\", \"password\": \"platform admin passphrase\"}")
                .json();
        String token = session.get("access_token").asString();

        assertThat(api.get("/api/v1/admin/tenants", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/security-events?event_type=login.failed", token)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/admin/tenants", accounts.owner().accessToken())
                        .status())
                .isEqualTo(403);
    }
}
