package io.reach.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.identity.ConsoleMembers;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's audit log and security events: the workspace's records, filtered by action, actor
 * and dates; a malformed filter is refused next to its field; members without the permission are refused.
 */
@ReachTest
class AuditPagesTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void theAuditLogShowsTheWorkspacesRecordsFiltered() {
        Accounts.SignedIn owner = accounts.owner();
        api.post("/api/v1/api-keys", owner.accessToken(), """
                {"name": "audited", "scopes": ["tenant:read"]}""");
        Browser browser = Browser.signedIn(api, owner);

        assertThat(browser.get("/app/settings/audit?action=api_key.created").body())
                .contains("api_key.created")
                .contains(owner.userId().toString());
        assertThat(browser.get("/app/settings/audit?action=role.created").body())
                .contains("Nothing recorded matches")
                .doesNotContain("<td>api_key.created</td>");
        assertThat(browser.get("/app/settings/audit?action=api_key.created&to=2000-01-01")
                        .body())
                .contains("Nothing recorded matches");

        Browser stranger = Browser.signedIn(api, accounts.owner());
        assertThat(stranger.get("/app/settings/audit?action=api_key.created").body())
                .contains("Nothing recorded matches");
    }

    @Test
    void malformedFiltersAreRefusedByField() {
        Browser browser = Browser.signedIn(api, accounts.owner());
        var actor = browser.get("/app/settings/audit?actor=someone");
        assertThat(actor.statusCode()).isEqualTo(400);
        assertThat(actor.body()).contains("id=\"actor-error\"");
        var date = browser.get("/app/settings/security?from=yesterday");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("id=\"from-error\"");
    }

    @Test
    void securityEventsShowTheWorkspacesSignIns() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/settings/security?event_type=login.succeeded")
                        .body())
                .contains("login.succeeded")
                .contains(owner.userId().toString());
    }

    @Test
    void membersWithoutThePermissionSeeNoLinkAndAreRefused() {
        Accounts.SignedIn owner = accounts.owner();
        Browser member = ConsoleMembers.signedInto(owner, "editor", api, accounts, fixtures);
        assertThat(member.get("/").body())
                .doesNotContain("/app/settings/audit")
                .doesNotContain("/app/settings/security");
        assertThat(member.get("/app/settings/audit").statusCode()).isEqualTo(403);
        assertThat(member.get("/app/settings/security").statusCode()).isEqualTo(403);
    }
}
