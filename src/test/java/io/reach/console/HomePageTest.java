package io.reach.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.ingest.Sessionizer;
import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's home lists what needs attention, each line from the module that owns it and only
 * for people allowed to read it, and the navigation shows only the pages a person may open.
 */
@ReachTest
class HomePageTest {

    static final UUID SANDBOX = UUID.fromString("0193a0c0-0000-7000-8000-000000000008");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    Sessionizer sessionizer;

    @Autowired
    TrackerRollups rollups;

    @Test
    void aNewWorkspaceHasNothingWaiting() {
        String home = Browser.signedIn(api, accounts.owner()).get("/").body();

        assertThat(home).contains("Nothing is waiting for you").contains("href=\"/app/site-keys\"");
    }

    @Test
    void postsAwaitingApprovalAndAccountsToReconnectAskForAttention() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "sandbox", SANDBOX, "home-" + UUID.randomUUID());
        String post = api.post("/api/v1/posts", ada.accessToken(), """
                        {"variants": [{"social_account_id": "%s", "text": "Soon", "media": []}]}""".formatted(account))
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/api/v1/posts/" + post + "/submit", ada.accessToken(), null)
                        .status())
                .isEqualTo(200);
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update("update social.social_accounts set status = 'needs_review' where id = ?", account);
        });

        String home = Browser.signedIn(api, ada).get("/").body();

        assertThat(home)
                .containsPattern("<a href=\"/app/publishing/approvals\">Posts awaiting approval</a> <strong>1</strong>")
                .containsPattern("<a href=\"/app/accounts\">Accounts needing reconnection</a> <strong>1</strong>")
                .doesNotContain("Nothing is waiting for you");
    }

    @Test
    void todaysNumbersAreTheDefaultSitesVisitorsAndPageViews() {
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "site");
        Instant now = Instant.now().minusSeconds(2);
        var ingested = api.post("/api/v1/ingest/trackers", key, """
                [{"event_type": "page_view", "session_id": "s1", "page_url": "/a", "created_at": "%1$s"},
                 {"event_type": "page_view", "session_id": "s1", "page_url": "/b", "created_at": "%1$s"},
                 {"event_type": "page_view", "session_id": "s2", "page_url": "/a", "created_at": "%1$s"}]""".formatted(now));
        assertThat(ingested.status()).as(ingested.body()).isEqualTo(202);
        sessionizer.drain(TenantId.of(ada.tenantId()));
        rollups.runDue();

        String home = Browser.signedIn(api, ada).get("/").body();

        assertThat(home)
                .contains("<dt><a href=\"/app/analytics?period=today\">Visitors today</a></dt><dd>2</dd>")
                .contains("<dt><a href=\"/app/analytics?period=today\">Page views today</a></dt><dd>3</dd>")
                .contains("Visitors in the last 30 minutes</a></dt><dd>2</dd>")
                .doesNotContain("No numbers yet today");
    }

    @Test
    void aMemberOfTwoWorkspacesSwitchesBetweenThem() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        fixtures.addMember(ada.tenantId(), bob.userId(), "member");
        Browser browser = Browser.signedIn(api, bob.email());
        assertThat(browser.get("/").body()).contains("<title>Workspace of " + bob.email() + " · Reach</title>");

        assertThat(browser.post(
                                "/app/workspace",
                                java.util.Map.of("tenant_id", ada.tenantId().toString()))
                        .statusCode())
                .isEqualTo(302);

        String home = browser.get("/").body();
        assertThat(home)
                .contains("<title>Workspace of " + ada.email() + " · Reach</title>")
                .contains("<select id=\"workspace-switch\"")
                .contains("<option value=\"" + ada.tenantId() + "\" selected>")
                .contains("<option value=\"" + bob.tenantId() + "\">")
                .contains("Signed in as " + bob.email() + ", member of");
    }
}
