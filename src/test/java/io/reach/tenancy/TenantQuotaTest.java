package io.reach.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tenant quotas are enforced where a tenant grows, each refusal a problem naming the quota, and usage is readable. */
@ReachTest
class TenantQuotaTest {

    private static final String QUOTA_EXCEEDED = "urn:reach:problem:quota-exceeded";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aCampaignBeyondMaxCampaignsIsRefusedUntilOneIsArchived() {
        Accounts.SignedIn ada = accounts.owner();
        setQuotas(ada.tenantId(), "{\"max_campaigns\": 2}");
        String first = createCampaign(ada).json().get("id").asString();
        assertThat(createCampaign(ada).status()).isEqualTo(201);

        var refused = createCampaign(ada);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).isEqualTo(QUOTA_EXCEEDED);
        assertThat(problem.get("title").asString()).isEqualTo("Quota exceeded");
        assertThat(problem.get("quota").asString()).isEqualTo("max_campaigns");
        assertThat(problem.get("limit").asLong()).isEqualTo(2);
        assertThat(problem.get("used").asLong()).isEqualTo(2);
        assertThat(campaignCount(ada)).isEqualTo(2);

        assertThat(api.post("/api/v1/campaigns/" + first + "/status", ada.accessToken(), "{\"status\": \"archived\"}")
                        .status())
                .isEqualTo(200);
        assertThat(createCampaign(ada).status())
                .as("an archived campaign frees its place")
                .isEqualTo(201);
        assertThat(createCampaign(accounts.owner()).status())
                .as("other tenants keep their own limits")
                .isEqualTo(201);
    }

    @Test
    void pendingInvitationsTakeSeatsUntilRevoked() {
        Accounts.SignedIn ada = accounts.owner();
        setQuotas(ada.tenantId(), "{\"max_users\": 2}");
        var invited = invite(ada, "first");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);

        var refused = invite(ada, "second");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo(QUOTA_EXCEEDED);
        assertThat(refused.json().get("quota").asString()).isEqualTo("max_users");
        assertThat(refused.json().get("limit").asLong()).isEqualTo(2);
        assertThat(refused.json().get("used").asLong())
                .as("the owner and one pending invitation")
                .isEqualTo(2);

        assertThat(api.delete("/api/v1/invitations/" + invited.json().get("id").asString(), ada.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(invite(ada, "third").status()).isEqualTo(201);
    }

    @Test
    void usageIsReadableByTheTenantAndThePlatformAdmin() {
        Accounts.SignedIn ada = accounts.owner();
        setQuotas(ada.tenantId(), "{\"max_users\": 5, \"max_campaigns\": 10, \"max_monthly_emails\": 1000}");
        createCampaign(ada);
        createCampaign(ada);
        invite(ada, "someone");

        var response = api.get("/api/v1/tenant/quotas", ada.accessToken());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode usage = response.json();
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(usage.get("month").asString()).isEqualTo(month);
        assertThat(quota(usage, "max_users").get("limit").asLong()).isEqualTo(5);
        assertThat(quota(usage, "max_users").get("used").asLong()).isEqualTo(2);
        assertThat(quota(usage, "max_users").get("remaining").asLong()).isEqualTo(3);
        assertThat(quota(usage, "max_campaigns").get("used").asLong()).isEqualTo(2);
        assertThat(quota(usage, "max_social_accounts").get("limit").isNull())
                .as("unlimited")
                .isTrue();
        assertThat(quota(usage, "max_social_accounts").get("used").asLong()).isZero();
        assertThat(quota(usage, "max_monthly_emails").get("period").asString()).isEqualTo(month);
        assertThat(quota(usage, "max_monthly_emails").get("used").asLong()).isZero();
        assertThat(quota(usage, "max_podcasts").get("enforced").asBoolean())
                .as("nothing to count yet")
                .isFalse();
        assertThat(quota(usage, "max_api_requests_per_minute").get("limit").asLong())
                .as("the installation default when the tenant has none")
                .isPositive();
        assertThat(usage.get("quotas").size()).isEqualTo(10);

        var admin = api.get("/api/v1/admin/tenants/" + ada.tenantId() + "/quotas", Api.ADMIN);
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(quota(admin.json(), "max_users").get("used").asLong()).isEqualTo(2);
        assertThat(quota(admin.json(), "max_campaigns").get("used").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/admin/tenants/" + UUID.randomUUID() + "/quotas", Api.ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(quota(
                                api.get(
                                                "/api/v1/tenant/quotas",
                                                accounts.owner().accessToken())
                                        .json(),
                                "max_campaigns")
                        .get("used")
                        .asLong())
                .as("another tenant's usage is its own")
                .isZero();
    }

    @Test
    void aTenantsRequestsPerMinuteAreLimitedWithRetryAfterAndRateLimitHeaders() {
        Accounts.SignedIn ada = accounts.owner();
        setQuotas(ada.tenantId(), "{\"max_api_requests_per_minute\": 5}");

        for (int i = 0; i < 5; i++) {
            var allowed = api.get("/api/v1/tenant", ada.accessToken());
            assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
            assertThat(allowed.header("RateLimit-Policy")).isEqualTo("\"tenant\";q=5;w=60");
            assertThat(allowed.header("RateLimit")).startsWith("\"tenant\";r=" + (4 - i) + ";t=");
        }
        var refused = api.get("/api/v1/tenant", ada.accessToken());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"tenant\";q=5;w=60");
        assertThat(refused.header("RateLimit")).isEqualTo("\"tenant\";r=0;t=" + retryAfter);
        assertThat(refused.json().get("quota").asString()).isEqualTo("max_api_requests_per_minute");
        assertThat(refused.json().get("limit").asLong()).isEqualTo(5);

        Accounts.SignedIn bob = accounts.owner();
        assertThat(api.get("/api/v1/tenant", bob.accessToken()).status())
                .as("other tenants are not slowed")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/admin/tenants/" + ada.tenantId(), Api.ADMIN).status())
                .as("the platform admin is not a tenant")
                .isEqualTo(200);
    }

    private Api.Response createCampaign(Accounts.SignedIn who) {
        return api.post("/api/v1/campaigns", who.accessToken(), "{\"name\": \"Spring sale\"}");
    }

    private int campaignCount(Accounts.SignedIn who) {
        return api.get("/api/v1/campaigns?limit=100", who.accessToken())
                .json()
                .get("items")
                .size();
    }

    private Api.Response invite(Accounts.SignedIn who, String name) {
        return api.post(
                "/api/v1/invitations",
                who.accessToken(),
                "{\"email\": \"%s-%s@example.com\", \"role\": \"editor\"}".formatted(name, UUID.randomUUID()));
    }

    private void setQuotas(UUID tenant, String quotas) {
        var set = api.put("/api/v1/admin/tenants/" + tenant + "/quotas", Api.ADMIN, quotas);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private static JsonNode quota(JsonNode usage, String name) {
        return usage.get("quotas")
                .valueStream()
                .filter(q -> q.get("quota").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + usage));
    }
}
