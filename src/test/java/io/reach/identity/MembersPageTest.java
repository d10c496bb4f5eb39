package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's members page: the owner invites, revokes and changes roles as the API would;
 * bad addresses are refused next to the field; people without the permission neither see the link
 * nor open the page; another workspace's ids are unknown.
 */
@ReachTest
class MembersPageTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void theOwnerInvitesSomeoneAndRevokesTheInvitation() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/settings/members").body())
                .contains(owner.email())
                .contains("No invitation sent yet");

        var refused = browser.post("/app/settings/members/invitations", Map.of("email", "nobody", "role", "editor"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"email-error\"");

        String invitee = "invitee-" + UUID.randomUUID() + "@example.com";
        assertThat(browser.post("/app/settings/members/invitations", Map.of("email", invitee, "role", "editor"))
                        .statusCode())
                .isEqualTo(302);
        String page = browser.get("/app/settings/members").body();
        assertThat(page).contains(invitee).contains("pending");

        var invitation = api.get("/api/v1/invitations", owner.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(invitation.get("email").asString()).isEqualTo(invitee);
        String id = invitation.get("id").asString();
        assertThat(browser.post("/app/settings/members/invitations/" + id + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/app/settings/members").body()).contains("revoked");
        assertThat(api.get("/api/v1/invitations", owner.accessToken())
                        .json()
                        .get("items")
                        .get(0)
                        .get("revoked_at")
                        .isNull())
                .isFalse();
    }

    @Test
    void theOwnerChangesAMembersRole() {
        Accounts.SignedIn owner = accounts.owner();
        Accounts.SignedIn person = accounts.owner();
        UUID membership = fixtures.addMember(owner.tenantId(), person.userId(), "analyst");
        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/settings/members").body()).contains(person.email());

        assertThat(browser.post("/app/settings/members/" + membership + "/role", Map.of("role", "editor"))
                        .statusCode())
                .isEqualTo(302);

        var members = api.get("/api/v1/members", owner.accessToken()).json().get("items");
        assertThat(members.valueStream()
                        .filter(member -> member.get("id").asString().equals(membership.toString()))
                        .map(member -> member.get("role").asString()))
                .containsExactly("editor");
    }

    @Test
    void aMemberWithoutThePermissionSeesNoLinkAndIsRefused() {
        Accounts.SignedIn owner = accounts.owner();
        Browser member = ConsoleMembers.signedInto(owner, "member", api, accounts, fixtures);

        assertThat(member.get("/").body())
                .doesNotContain("/app/settings/members")
                .contains("/app/settings/workspace");
        assertThat(member.get("/app/settings/members").statusCode()).isEqualTo(403);
        assertThat(member.post("/app/settings/members/invitations", Map.of("email", "x@example.com", "role", "editor"))
                        .statusCode())
                .isEqualTo(403);

        assertThat(Browser.signedIn(api, owner).get("/").body()).contains("/app/settings/members");
    }

    @Test
    void anotherWorkspacesMembersAndInvitationsAreUnknown() {
        Accounts.SignedIn owner = accounts.owner();
        Accounts.SignedIn other = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        browser.get("/app/settings/members");
        api.post("/api/v1/invitations", other.accessToken(), """
                {"email": "someone-%s@example.com", "role": "editor"}""".formatted(UUID.randomUUID()));
        String foreignInvitation = api.get("/api/v1/invitations", other.accessToken())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        UUID foreignMember =
                fixtures.addMember(other.tenantId(), accounts.owner().userId(), "analyst");

        assertThat(browser.post("/app/settings/members/invitations/" + foreignInvitation + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.post("/app/settings/members/" + foreignMember + "/role", Map.of("role", "editor"))
                        .statusCode())
                .isEqualTo(404);
    }
}
