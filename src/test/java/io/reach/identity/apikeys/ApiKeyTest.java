package io.reach.identity.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ReachTest
class ApiKeyTest {

    private static final String KEYS = "/api/v1/api-keys";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    TenantTransactions transactions;

    @Test
    void aKeyIsShownOnceAndWorksWithinItsScopes() {
        Accounts.SignedIn ada = accounts.owner();
        var created = api.post(KEYS, ada.accessToken(), "{\"name\": \"reporting\", \"scopes\": [\"api_keys:read\"]}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        assertThat(key).startsWith("rk_").hasSizeGreaterThan(60);

        JsonNode listed = api.get(KEYS, key).json();
        assertThat(listed.get("items")
                        .valueStream()
                        .map(item -> item.get("name").asString()))
                .contains("reporting");
        assertThat(listed.toString()).doesNotContain(key);
        assertThat(api.get(KEYS + "/" + created.json().get("id").asString(), ada.accessToken())
                        .json()
                        .get("last_used_at")
                        .isNull())
                .isFalse();

        var outOfScope = api.post(KEYS, key, "{\"name\": \"escalate\", \"scopes\": [\"*\"]}");
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(denials(ada.tenantId(), "api_keys", "write")).isEqualTo(1);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        Accounts.SignedIn ada = accounts.owner();
        JsonNode created = api.post(KEYS, ada.accessToken(), "{\"name\": \"temp\", \"scopes\": [\"*:read\"]}")
                .json();
        String key = created.get("key").asString();
        assertThat(api.get(KEYS, key).status()).isEqualTo(200);

        assertThat(api.send(
                                "DELETE",
                                KEYS + "/" + created.get("id").asString(),
                                ada.accessToken(),
                                null,
                                java.util.List.of())
                        .status())
                .isEqualTo(204);

        assertThat(api.get(KEYS, key).status()).isEqualTo(401);
        assertThat(api.get(KEYS + "/" + created.get("id").asString(), ada.accessToken())
                        .json()
                        .get("revoked_at")
                        .isNull())
                .isFalse();
    }

    @Test
    void anotherTenantsKeysAreNotFound() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        String adasKey = api.post(KEYS, ada.accessToken(), "{\"name\": \"ada\", \"scopes\": [\"*\"]}")
                .json()
                .get("id")
                .asString();

        assertThat(api.get(KEYS + "/" + adasKey, bob.accessToken()).status()).isEqualTo(404);
        assertThat(api.send("DELETE", KEYS + "/" + adasKey, bob.accessToken(), null, java.util.List.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(KEYS + "?limit=200", bob.accessToken()).json().toString())
                .doesNotContain(adasKey);
        assertThat(api.get(KEYS + "/" + adasKey, ada.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void forgedAndMalformedKeysAreUnauthorised() {
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post(KEYS, ada.accessToken(), "{\"name\": \"k\", \"scopes\": [\"*\"]}")
                .json()
                .get("key")
                .asString();

        assertThat(api.get(KEYS, key.substring(0, key.length() - 1) + "x").status())
                .isEqualTo(401);
        assertThat(api.get(KEYS, "rk_short").status()).isEqualTo(401);
        assertThat(api.get(KEYS, "rk_" + "A".repeat(22) + "_" + "B".repeat(43)).status())
                .isEqualTo(401);
    }

    @Test
    void badScopesAndPastExpiriesAreRefused() {
        Accounts.SignedIn ada = accounts.owner();

        var badScope = api.post(KEYS, ada.accessToken(), "{\"name\": \"k\", \"scopes\": [\"everything\"]}");
        var noScope = api.post(KEYS, ada.accessToken(), "{\"name\": \"k\", \"scopes\": []}");
        var past = api.post(
                KEYS,
                ada.accessToken(),
                "{\"name\": \"k\", \"scopes\": [\"*\"], \"expires_at\": \"2000-01-01T00:00:00Z\"}");

        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().at("/errors/0/field").asString()).startsWith("scopes");
        assertThat(noScope.status()).isEqualTo(400);
        assertThat(past.status()).isEqualTo(400);
    }

    @Test
    void theRuntimeRoleCannotUpdateOrDeleteAuditRecords() {
        Accounts.SignedIn ada = accounts.owner();
        api.post(KEYS, ada.accessToken(), "{\"name\": \"audited\", \"scopes\": [\"*\"]}");

        for (String statement : java.util.List.of(
                "update audit.audit_logs set action = 'tampered'",
                "delete from audit.audit_logs",
                "update audit.security_events set severity = 'info'")) {
            assertThatThrownBy(() ->
                            transactions.inTransactionAs(TenantId.of(ada.tenantId()), () -> jdbc.update(statement)))
                    .as(statement)
                    .hasStackTraceContaining("permission denied");
        }
    }

    @Test
    void evenTheOwnerRoleCannotChangeTheAuditTrail() {
        Accounts.SignedIn ada = accounts.owner();
        api.post(KEYS, ada.accessToken(), "{\"name\": \"audited\", \"scopes\": [\"*\"]}");

        String asApp = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            try {
                jdbc.update("update audit.audit_logs set action = 'tampered'");
                return "updated";
            } catch (org.springframework.dao.DataAccessException e) {
                return e.getMostSpecificCause().getMessage();
            }
        });
        assertThat(asApp).contains("append-only");
    }

    private long denials(UUID tenant, String resource, String action) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject(
                    "select count(*) from audit.access_logs where resource_type = ? and action = ?"
                            + " and not allowed",
                    Long.class,
                    resource,
                    action);
        });
    }
}
