package io.reach.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.TenantMother;
import io.reach.support.TestTenantPrincipals;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ReachTest
class IdempotencyTest {

    private static final String TENANTS = "/api/v1/admin/tenants";

    @Autowired
    Api api;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    IdempotencyRecords records;

    @Autowired
    AllTenants allTenants;

    @Autowired
    TenantMother mother;

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Idempotent " + key + "\"}";

        var first = api.post(TENANTS, Api.ADMIN, body, "Idempotency-Key", key);
        var retry = api.post(TENANTS, Api.ADMIN, body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(tenantsNamed("Idempotent " + key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        api.post(TENANTS, Api.ADMIN, "{\"name\": \"First " + key + "\"}", "Idempotency-Key", key);

        var reused = api.post(TENANTS, Api.ADMIN, "{\"name\": \"Second " + key + "\"}", "Idempotency-Key", key);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).isEqualTo("application/problem+json");
        assertThat(reused.json().get("title").asString()).isEqualTo("Idempotency key reused");
        assertThat(tenantsNamed("Second " + key)).isZero();
    }

    @Test
    void withoutAKeyEveryPostRuns() {
        String name = "No key " + UUID.randomUUID();
        api.post(TENANTS, Api.ADMIN, "{\"name\": \"" + name + "\"}");
        api.post(TENANTS, Api.ADMIN, "{\"name\": \"" + name + "\"}");

        assertThat(tenantsNamed(name)).isEqualTo(2);
    }

    @Test
    void failedRequestsAreReplayedToo() {
        String key = UUID.randomUUID().toString();

        var first = api.post(TENANTS, Api.ADMIN, "{\"name\": \"\"}", "Idempotency-Key", key);
        var retry = api.post(TENANTS, Api.ADMIN, "{\"name\": \"\"}", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
    }

    @Test
    void keysAreKeptPerTenant() {
        String key = UUID.randomUUID().toString();
        String a = TestTenantPrincipals.tokenFor(mother.aTenant().id());
        String b = TestTenantPrincipals.tokenFor(mother.aTenant().id());
        String body = "{\"anything\": 1}";

        var fromA = api.post("/api/v1/no-such-endpoint", a, body, "Idempotency-Key", key);
        var fromB = api.post("/api/v1/no-such-endpoint", b, body, "Idempotency-Key", key);

        assertThat(fromA.status()).isEqualTo(404);
        assertThat(fromB.status()).isEqualTo(404);
        assertThat(fromB.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void anInvalidKeyIsABadRequest() {
        var response = api.post(TENANTS, Api.ADMIN, "{\"name\": \"x\"}", "Idempotency-Key", "x".repeat(256));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("title").asString()).isEqualTo("Invalid idempotency key");
    }

    @Test
    void afterTwentyFourHoursAKeyMayBeUsedAgain() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Expiring " + key + "\"}";
        api.post(TENANTS, Api.ADMIN, body, "Idempotency-Key", key);
        ageRecord(key);

        var again = api.post(TENANTS, Api.ADMIN, body, "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isNull();
        assertThat(tenantsNamed("Expiring " + key)).isEqualTo(2);
    }

    @Test
    void thePurgeRemovesExpiredRecordsOfEveryTenant() {
        String key = UUID.randomUUID().toString();
        api.post(TENANTS, Api.ADMIN, "{\"name\": \"Purged " + key + "\"}", "Idempotency-Key", key);
        ageRecord(key);

        int purged = allTenants.sumOverTenantsAndPlatform(tenant -> records.purgeExpired());

        assertThat(purged).isGreaterThanOrEqualTo(1);
        Long left = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + TenantId.PLATFORM + "'");
            return jdbc.queryForObject(
                    "select count(*) from platform.idempotency_keys where idempotency_key = ?", Long.class, key);
        });
        assertThat(left).isZero();
    }

    private void ageRecord(String key) {
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + TenantId.PLATFORM + "'");
            jdbc.update(
                    "update platform.idempotency_keys set created_at = created_at - interval '25 hours'"
                            + " where idempotency_key = ?",
                    key);
        });
    }

    private int tenantsNamed(String name) {
        return owner.with(jdbc ->
                jdbc.queryForObject("select count(*) from tenancy.tenants where name = ?", Integer.class, name));
    }
}
