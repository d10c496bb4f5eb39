package io.reach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.identity.VerifiedOwners;
import io.reach.measurement.ingest.Sessionizer;
import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.demo.DemoSeed;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import io.reach.tenancy.TenantManagement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * REACH_DEMO's workspace, made the way the application makes it at start-up: its owner signs in
 * and finds a month of traffic on the dashboard, published and failed posts, a post to approve
 * from the editor, connected sandbox accounts and a site key; made once only.
 */
@ReachTest
class DemoWorkspaceTest {

    @Autowired
    Api api;

    @Autowired
    VerifiedOwners owners;

    @Autowired
    TenantManagement tenants;

    @Autowired
    List<DemoSeed> seeds;

    @Autowired
    Clock clock;

    @Autowired
    Sessionizer sessionizer;

    @Autowired
    TrackerRollups rollups;

    @Test
    void theDemoWorkspaceHasAMonthOfEverything() {
        String email = "demo-" + UUID.randomUUID() + "@example.com";
        var maker = new DemoWorkspaceMaker(owners, tenants, seeds, clock, email, "try-reach-demo");

        assertThat(maker.make()).isTrue();
        assertThat(maker.make()).as("made once").isFalse();

        JsonNode session = api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"try-reach-demo\"}".formatted(email))
                .json();
        String token = session.get("access_token").asString();
        TenantId tenant = TenantId.of(UUID.fromString(session.get("tenant_id").asString()));
        sessionizer.drain(tenant);
        rollups.runDue();

        JsonNode pages = api.get("/api/v1/analytics/top?dimension=page_url&limit=5", token)
                .json()
                .get("items");
        assertThat(pages.size()).isEqualTo(5);
        assertThat(pages.get(0).get("value").asString()).startsWith("https://shop.example/");
        long views =
                pages.valueStream().mapToLong(row -> row.get("events").asLong()).sum();
        assertThat(views).isGreaterThan(2_000);

        String home = Browser.signedIn(api, email, "try-reach-demo").get("/").body();
        assertThat(home)
                .contains("Demo Shop")
                .containsPattern("Posts awaiting approval</a> <strong>1</strong>")
                .containsPattern("Publishes failed in the last 7 days</a> <strong>2</strong>");
        assertThat(api.get("/api/v1/social/accounts", token).json().get("items").size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/site-keys", token)
                        .json()
                        .at("/items/0/name")
                        .asString())
                .isEqualTo("Demo shop");

        JsonNode campaigns =
                api.get("/api/v1/campaigns?name=Autumn", token).json().get("items");
        assertThat(campaigns.size()).isEqualTo(1);
        assertThat(campaigns.at("/0/status").asString()).isEqualTo("active");
        JsonNode emails = api.get("/api/v1/email-campaigns", token).json().get("items");
        assertThat(emails.size()).isEqualTo(1);
        assertThat(emails.at("/0/status").asString()).isEqualTo("sent");
        JsonNode stats = api.get("/api/v1/email-campaigns/" + emails.at("/0/id").asString() + "/analytics", token)
                .json();
        assertThat(stats.get("recipients").asLong()).isEqualTo(300);
        assertThat(stats.get("opened").asLong()).isBetween(90L, 150L);
        assertThat(stats.get("clicked").asLong()).isBetween(10L, 40L);
        assertThat(stats.get("bounced").asLong()).isBetween(1L, 15L);
    }
}
