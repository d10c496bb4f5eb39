package io.reach.identity;

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
 * The console's roles and policies page: custom roles and access policies are added and deleted
 * with the API's rules; a malformed definition is refused next to its field; members without the
 * permission are refused; another workspace's role is unknown.
 */
@ReachTest
class RolesPageTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void theOwnerAddsAndDeletesACustomRole() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/settings/roles").body())
                .contains("analyst")
                .contains("No access policy yet");

        var refused = browser.post("/app/settings/roles", Map.of("name", "Not A Name"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"role-name-error\"");

        assertThat(browser.post("/app/settings/roles", Map.of("name", "reviewer", "permissions", "posts:read"))
                        .statusCode())
                .isEqualTo(302);
        var roles = api.get("/api/v1/roles", owner.accessToken()).json().get("items");
        var reviewer = roles.valueStream()
                .filter(role -> role.get("name").asString().equals("reviewer"))
                .findFirst()
                .orElseThrow();
        assertThat(reviewer.get("permissions").get(0).asString()).isEqualTo("posts:read");
        assertThat(browser.get("/app/settings/roles").body()).contains("Delete role reviewer");

        assertThat(browser.post("/app/settings/roles/" + reviewer.get("id").asString() + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/app/settings/roles").body()).doesNotContain("Delete role reviewer");
    }

    @Test
    void theOwnerAddsAPolicyAndAMalformedOneIsRefusedByField() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        browser.get("/app/settings/roles");

        var refused = browser.post(
                "/app/settings/roles/policies",
                Map.of("name", "Office only", "policy_definition", "{\"effect\": \"maybe\"}"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"policy-definition-error\"").contains("effect must be allow or deny");

        String definition = "{\"effect\": \"deny\", \"resources\": [\"campaigns\"], \"actions\": [\"write\"]}";
        assertThat(browser.post(
                                "/app/settings/roles/policies",
                                Map.of("name", "No campaign edits", "policy_definition", definition, "enabled", "true"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/app/settings/roles").body()).contains("No campaign edits");
        assertThat(api.get("/api/v1/access-policies", owner.accessToken())
                        .json()
                        .get("items")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("No campaign edits");
    }

    @Test
    void membersWithoutThePermissionAreRefusedAndForeignRolesAreUnknown() {
        Accounts.SignedIn owner = accounts.owner();
        Browser member = ConsoleMembers.signedInto(owner, "editor", api, accounts, fixtures);
        assertThat(member.get("/").body()).doesNotContain("/app/settings/roles");
        assertThat(member.get("/app/settings/roles").statusCode()).isEqualTo(403);

        Accounts.SignedIn other = accounts.owner();
        String foreign = api.post("/api/v1/roles", other.accessToken(), """
                {"name": "theirs", "permissions": ["posts:read"]}""")
                .json()
                .get("id")
                .asString();
        Browser browser = Browser.signedIn(api, owner);
        browser.get("/app/settings/roles");
        assertThat(browser.post("/app/settings/roles/" + foreign + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }
}
