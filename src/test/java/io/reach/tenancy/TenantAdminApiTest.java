package io.reach.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TenantMother;
import io.reach.support.TestTenantPrincipals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ReachTest
class TenantAdminApiTest {

    private static final String TENANTS = "/api/v1/admin/tenants";

    @Autowired
    Api api;

    @Autowired
    TenantMother mother;

    @Autowired
    Accounts accounts;

    @Autowired
    io.reach.support.OwnerDatabase owner;

    @Test
    void createsATenantWithSettingsQuotasAndWhiteLabel() {
        String domain = "brand-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        var response = api.post(TENANTS, Api.ADMIN, """
                {"name": "Acme Café", "settings": {"locale": "fr", "nested": {"a": [1, 2]}},
                 "quotas": {"max_users": 5, "max_campaigns": 10},
                 "white_label": {"brand_name": "Acme", "primary_color": "#112233", "custom_domain": "%s",
                                 "logo_url": "https://cdn.example.com/logo.png"}}""".formatted(domain));

        assertThat(response.status()).isEqualTo(201);
        JsonNode tenant = response.json();
        assertThat(response.header("Location"))
                .isEqualTo(TENANTS + "/" + tenant.get("id").asString());
        assertThat(tenant.get("name").asString()).isEqualTo("Acme Café");
        assertThat(tenant.get("slug").asString()).startsWith("acme-cafe");
        assertThat(tenant.get("status").asString()).isEqualTo("active");
        assertThat(tenant.get("created_at").asString()).endsWith("Z");
        assertThat(tenant.at("/settings/nested/a/1").asInt()).isEqualTo(2);
        assertThat(tenant.at("/quotas/max_users").asInt()).isEqualTo(5);
        assertThat(tenant.at("/quotas/max_podcasts").isNull()).isTrue();
        assertThat(tenant.at("/white_label/custom_domain").asString()).isEqualTo(domain);

        var fetched = api.get(TENANTS + "/" + tenant.get("id").asString(), Api.ADMIN);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(tenant);
    }

    @Test
    void aSlugIsMadeFromTheNameAndKeptUnique() {
        String name = "Unique Name " + UUID.randomUUID();
        String first = api.post(TENANTS, Api.ADMIN, "{\"name\": \"%s\"}".formatted(name))
                .json()
                .get("slug")
                .asString();
        String second = api.post(TENANTS, Api.ADMIN, "{\"name\": \"%s\"}".formatted(name))
                .json()
                .get("slug")
                .asString();

        assertThat(first).isEqualTo(Slugs.fromName(name));
        assertThat(second).isEqualTo(first + "-2");
    }

    @Test
    void anExplicitSlugThatIsTakenIsAConflict() {
        String slug = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(TENANTS, Api.ADMIN, "{\"name\": \"A\", \"slug\": \"%s\"}".formatted(slug))
                        .status())
                .isEqualTo(201);

        var conflict = api.post(TENANTS, Api.ADMIN, "{\"name\": \"B\", \"slug\": \"%s\"}".formatted(slug));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).isEqualTo("application/problem+json");
        assertThat(conflict.json().get("title").asString()).isEqualTo("Slug taken");
    }

    @Test
    void aCustomDomainBelongsToOneTenantOnly() {
        String domain = "shared-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        TenantDetails first = mother.aTenant();
        TenantDetails second = mother.aTenant();
        String body = "{\"custom_domain\": \"%s\"}".formatted(domain);

        assertThat(api.put(TENANTS + "/" + first.id() + "/white-label", Api.ADMIN, body)
                        .status())
                .isEqualTo(200);
        var conflict = api.put(TENANTS + "/" + second.id() + "/white-label", Api.ADMIN, body);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("title").asString()).isEqualTo("Custom domain taken");

        assertThat(api.put(TENANTS + "/" + first.id() + "/white-label", Api.ADMIN, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.put(TENANTS + "/" + second.id() + "/white-label", Api.ADMIN, body)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void listsEveryTenantExactlyOnceAcrossPages() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(mother.aTenant().id().toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page =
                    api.get(TENANTS + "?limit=2&cursor=" + cursor, Api.ADMIN).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        assertThat(seen).isSorted();
    }

    @Test
    void filtersTheListByStatus() {
        TenantDetails suspended = mother.aTenant();
        api.post(TENANTS + "/" + suspended.id() + "/suspend", Api.ADMIN, "{}");

        JsonNode page =
                api.get(TENANTS + "?limit=200&status=suspended", Api.ADMIN).json();

        assertThat(page.get("items")
                        .valueStream()
                        .map(item -> item.get("status").asString()))
                .containsOnly("suspended");
        assertThat(page.get("items").valueStream().map(item -> item.get("id").asString()))
                .contains(suspended.id().toString());
        assertThat(api.get(TENANTS + "?status=deleted", Api.ADMIN).status()).isEqualTo(400);
    }

    @Test
    void suspendingAndReactivatingFollowTheLifecycle() {
        TenantDetails tenant = mother.aTenant();
        String path = TENANTS + "/" + tenant.id();

        var suspended = api.post(path + "/suspend", Api.ADMIN, "{\"reason\": \"unpaid invoice\"}");
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().get("status").asString()).isEqualTo("suspended");
        assertThat(suspended.json().get("suspension_reason").asString()).isEqualTo("unpaid invoice");
        assertThat(suspended.json().get("suspended_at").isNull()).isFalse();

        assertThat(api.post(path + "/suspend", Api.ADMIN, "{}").status()).isEqualTo(409);

        var reactivated = api.post(path + "/reactivate", Api.ADMIN, null);
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(reactivated.json().get("status").asString()).isEqualTo("active");
        assertThat(reactivated.json().get("suspended_at").isNull()).isTrue();
        assertThat(api.post(path + "/reactivate", Api.ADMIN, null).status()).isEqualTo(409);
    }

    @Test
    void aSuspendedTenantsPrincipalsAreRefused() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        assertThat(api.get("/api/v1/tenant", token).status()).isEqualTo(200);

        api.post(TENANTS + "/" + ada.tenantId() + "/suspend", Api.ADMIN, "{}");
        var refused = api.get("/api/v1/tenant", token);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("title").asString()).isEqualTo("Tenant suspended");
    }

    @Test
    void replacesSettingsQuotasAndWhiteLabel() {
        TenantDetails tenant = mother.aTenant();
        String path = TENANTS + "/" + tenant.id();

        assertThat(api.put(path + "/settings", Api.ADMIN, "{\"theme\": \"dark\"}")
                        .json()
                        .at("/settings/theme")
                        .asString())
                .isEqualTo("dark");
        assertThat(api.put(path + "/quotas", Api.ADMIN, "{\"max_podcasts\": 3}")
                        .json()
                        .at("/quotas/max_podcasts")
                        .asInt())
                .isEqualTo(3);
        assertThat(api.put(path + "/white-label", Api.ADMIN, "{\"brand_name\": \"B\"}")
                        .json()
                        .at("/white_label/brand_name")
                        .asString())
                .isEqualTo("B");
        assertThat(api.patch(path, Api.ADMIN, "{\"name\": \"Renamed\"}")
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Renamed");

        JsonNode stored = api.get(path, Api.ADMIN).json();
        assertThat(stored.at("/settings/theme").asString()).isEqualTo("dark");
        assertThat(stored.at("/quotas/max_podcasts").asInt()).isEqualTo(3);
        assertThat(stored.get("name").asString()).isEqualTo("Renamed");
    }

    @Test
    void invalidChangesAreRefusedAndChangeNothing() {
        TenantDetails tenant = mother.aTenant();
        String path = TENANTS + "/" + tenant.id();
        api.put(path + "/quotas", Api.ADMIN, "{\"max_users\": 7}");

        var negative = api.put(path + "/quotas", Api.ADMIN, "{\"max_users\": -1}");
        var wrongType = api.put(path + "/quotas", Api.ADMIN, "{\"max_users\": \"seven\"}");
        var notAnObject = api.put(path + "/settings", Api.ADMIN, "[1, 2]");
        var badColour = api.put(path + "/white-label", Api.ADMIN, "{\"primary_color\": \"red\"}");
        var hugeSettings = api.put(path + "/settings", Api.ADMIN, "{\"k\": \"%s\"}".formatted("x".repeat(70_000)));

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/errors/0/field").asString()).isEqualTo("max_users");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().at("/errors/0/field").asString()).isEqualTo("max_users");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(badColour.json().at("/errors/0/field").asString()).isEqualTo("primary_color");
        assertThat(hugeSettings.status()).isEqualTo(400);
        assertThat(hugeSettings.json().at("/errors/0/field").asString()).isEqualTo("settings");
        assertThat(api.get(path, Api.ADMIN).json().at("/quotas/max_users").asInt())
                .isEqualTo(7);
    }

    @Test
    void everyChangeIsAuditedInTheTenantsTrail() {
        TenantDetails tenant = mother.aTenant();
        api.post(TENANTS + "/" + tenant.id() + "/suspend", Api.ADMIN, "{\"reason\": \"audit me\"}");

        java.util.Map<String, @Nullable Object> row = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant.id() + "'");
            return jdbc.queryForMap("""
                    select actor_type, changes -> 'status' ->> 'from' as status_from, changes -> 'status' ->> 'to' as status_to
                    from audit.audit_logs where action = 'tenant.suspended'""");
        });

        assertThat(row)
                .containsEntry("actor_type", "platform_admin")
                .containsEntry("status_from", "active")
                .containsEntry("status_to", "suspended");
    }

    @Test
    void unknownTenantsAreNotFound() {
        String unknown = TENANTS + "/" + UUID.randomUUID();

        assertThat(api.get(unknown, Api.ADMIN).status()).isEqualTo(404);
        assertThat(api.post(unknown + "/suspend", Api.ADMIN, "{}").status()).isEqualTo(404);
        assertThat(api.put(unknown + "/settings", Api.ADMIN, "{}").status()).isEqualTo(404);
        assertThat(api.get(TENANTS + "/not-a-uuid", Api.ADMIN).status()).isEqualTo(400);
    }

    @Test
    void onlyThePlatformAdminMayUseTheAdminApi() {
        TenantDetails tenant = mother.aTenant();
        String tenantToken = TestTenantPrincipals.tokenFor(tenant.id());

        assertThat(api.get(TENANTS, null).status()).isEqualTo(401);
        assertThat(api.get(TENANTS, "not-a-real-token").status()).isEqualTo(401);
        var forbidden = api.get(TENANTS + "/" + tenant.id(), tenantToken);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aTenantPrincipalSeesItsOwnTenantOnly() {
        Accounts.SignedIn ada = accounts.owner();
        mother.aTenant();

        JsonNode seen = api.get("/api/v1/tenant", ada.accessToken()).json();

        assertThat(seen.get("id").asString()).isEqualTo(ada.tenantId().toString());
        assertThat(api.get("/api/v1/tenant", TestTenantPrincipals.tokenFor(ada.tenantId()))
                        .status())
                .as("a principal without roles is refused")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/tenant", Api.ADMIN).status()).isEqualTo(403);
    }
}
