package io.reach.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.identity.ConsoleMembers;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's workspace settings: the owner sets the time zone and retention the API then
 * reports; an unknown zone or a non-number is refused next to its field; members read but cannot save.
 */
@ReachTest
class WorkspaceSettingsPageTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void theOwnerSetsTheTimeZoneAndRetention() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/settings/workspace").body()).contains("Workspace of " + owner.email());

        var saved = browser.post(
                "/app/settings/workspace",
                Map.of(
                        "time_zone", "Europe/Paris",
                        "retention_days", "90",
                        "ip_handling", "hash",
                        "require_post_approval", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);

        var settings = api.get("/api/v1/tenant/settings", owner.accessToken()).json();
        assertThat(settings.get("time_zone").asString()).isEqualTo("Europe/Paris");
        assertThat(settings.get("retention_days").asInt()).isEqualTo(90);
        assertThat(settings.get("ip_handling").asString()).isEqualTo("hash");
        assertThat(settings.get("require_post_approval").asBoolean()).isTrue();
        assertThat(settings.get("allow_budget_overspend").asBoolean()).isFalse();
        assertThat(browser.get("/app/settings/workspace?saved").body())
                .contains("Settings saved")
                .contains("value=\"Europe/Paris\"")
                .contains("value=\"90\"");
    }

    @Test
    void anUnknownZoneAndANonNumberAreRefusedByField() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        browser.get("/app/settings/workspace");

        var zone = browser.post("/app/settings/workspace", Map.of("time_zone", "Mars/Olympus"));
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(zone.body()).contains("id=\"time-zone-error\"").contains("IANA time zone");

        var days = browser.post("/app/settings/workspace", Map.of("retention_days", "soon"));
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(days.body()).contains("id=\"retention-days-error\"");
        assertThat(api.get("/api/v1/tenant/settings", owner.accessToken())
                        .json()
                        .has("time_zone"))
                .isFalse();
    }

    @Test
    void membersReadTheSettingsButCannotChangeThem() {
        Accounts.SignedIn owner = accounts.owner();
        Browser member = ConsoleMembers.signedInto(owner, "editor", api, accounts, fixtures);
        assertThat(member.get("/app/settings/workspace").statusCode()).isEqualTo(200);
        assertThat(member.post("/app/settings/workspace", Map.of("time_zone", "Europe/Paris"))
                        .statusCode())
                .isEqualTo(403);
    }
}
