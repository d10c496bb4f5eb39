package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's workspace switcher: a person in two workspaces sees both and moves between them
 * under a new session id; a workspace they do not belong to is refused and the session stays.
 */
@ReachTest
class WorkspaceSwitcherTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void aPersonInTwoWorkspacesSwitchesUnderANewSession() {
        Accounts.SignedIn person = accounts.owner();
        Accounts.SignedIn agency = accounts.owner();
        fixtures.addMember(agency.tenantId(), person.userId(), "editor");
        Browser browser = Browser.signedIn(api, person);

        String home = browser.get("/").body();
        assertThat(home)
                .contains("id=\"workspace-switch\"")
                .contains("<option value=\"" + person.tenantId() + "\" selected>")
                .contains("<option value=\"" + agency.tenantId() + "\">Workspace of " + agency.email());
        String before = browser.session().orElseThrow();

        var switched = browser.post(
                "/app/workspace", Map.of("tenant_id", agency.tenantId().toString()));
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(browser.session()).isPresent().get().isNotEqualTo(before);
        assertThat(browser.get("/").body()).contains("<option value=\"" + agency.tenantId() + "\" selected>");
    }

    @Test
    void aWorkspaceThePersonIsNotInIsRefused() {
        Accounts.SignedIn person = accounts.owner();
        Accounts.SignedIn agency = accounts.owner();
        Accounts.SignedIn stranger = accounts.owner();
        fixtures.addMember(agency.tenantId(), person.userId(), "editor");
        Browser browser = Browser.signedIn(api, person);
        browser.get("/");
        String before = browser.session().orElseThrow();

        int refused = browser.post(
                        "/app/workspace",
                        Map.of("tenant_id", stranger.tenantId().toString()))
                .statusCode();
        assertThat(refused).isBetween(400, 499);
        assertThat(browser.post("/app/workspace", Map.of("tenant_id", "not-an-id"))
                        .statusCode())
                .isEqualTo(400);

        assertThat(browser.session()).contains(before);
        assertThat(browser.get("/").body()).contains("<option value=\"" + person.tenantId() + "\" selected>");
    }
}
