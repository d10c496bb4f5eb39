package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ReachTest
class InvitationTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aNewPersonAcceptsWithAPasswordAndSignsInToTheWorkspace() {
        Accounts.SignedIn ada = accounts.owner();
        String email = "invitee-" + UUID.randomUUID() + "@example.com";

        var invited = api.post(
                "/api/v1/invitations", ada.accessToken(), "{\"email\": \"%s\", \"role\": \"editor\"}".formatted(email));
        assertThat(invited.status()).isEqualTo(201);
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();

        assertThat(api.post("/api/v1/auth/invitations/accept", null, "{\"token\": \"%s\"}".formatted(token))
                        .status())
                .isEqualTo(400);
        var accepted = api.post(
                "/api/v1/auth/invitations/accept",
                null,
                "{\"token\": \"%s\", \"password\": \"%s\", \"name\": \"New Editor\"}"
                        .formatted(token, Accounts.PASSWORD));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("new_account").asBoolean()).isTrue();

        JsonNode session = api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD))
                .json();
        assertThat(session.get("tenant_id").asString()).isEqualTo(ada.tenantId().toString());
        assertThat(api.get("/api/v1/me", session.get("access_token").asString())
                        .json()
                        .get("tenant_role")
                        .asString())
                .isEqualTo("editor");
        assertThat(api.post(
                                "/api/v1/auth/invitations/accept",
                                null,
                                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, Accounts.PASSWORD))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anExistingAccountJoinsAsASecondWorkspaceAndCanSwitchToIt() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        api.post(
                "/api/v1/invitations",
                ada.accessToken(),
                "{\"email\": \"%s\", \"role\": \"analyst\"}".formatted(bob.email()));
        String token = TestMailServer.tokenInMail(bob.email(), 2).orElseThrow();

        var accepted = api.post("/api/v1/auth/invitations/accept", null, "{\"token\": \"%s\"}".formatted(token));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("new_account").asBoolean()).isFalse();

        var switched = api.post(
                "/api/v1/auth/switch-tenant", bob.accessToken(), "{\"tenant_id\": \"%s\"}".formatted(ada.tenantId()));
        assertThat(switched.status()).isEqualTo(200);
        JsonNode me = api.get("/api/v1/me", switched.json().get("access_token").asString())
                .json();
        assertThat(me.get("tenant_role").asString()).isEqualTo("analyst");
        assertThat(me.get("tenants").size()).isEqualTo(2);
        JsonNode bobsOwnMembers = api.get("/api/v1/members", bob.accessToken()).json();
        assertThat(bobsOwnMembers.get("items").size())
                .as("only the current workspace's members")
                .isEqualTo(1);
    }

    @Test
    void withdrawnInvitationsCannotBeAcceptedAndOthersCannotSeeThem() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn eve = accounts.owner();
        String email = "withdrawn-" + UUID.randomUUID() + "@example.com";
        String id = api.post(
                        "/api/v1/invitations",
                        ada.accessToken(),
                        "{\"email\": \"%s\", \"role\": \"member\"}".formatted(email))
                .json()
                .get("id")
                .asString();
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();

        assertThat(api.delete("/api/v1/invitations/" + id, eve.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/invitations", eve.accessToken()).body()).doesNotContain(id);
        assertThat(api.delete("/api/v1/invitations/" + id, ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.post(
                                "/api/v1/auth/invitations/accept",
                                null,
                                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, Accounts.PASSWORD))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void invitingAsOwnerOrAnUnknownRoleIsRefused() {
        Accounts.SignedIn ada = accounts.owner();

        assertThat(api.post(
                                "/api/v1/invitations",
                                ada.accessToken(),
                                "{\"email\": \"x@example.com\", \"role\": \"owner\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/invitations",
                                ada.accessToken(),
                                "{\"email\": \"x@example.com\", \"role\": \"wizard\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/auth/invitations/accept", null, "{\"token\": \"inv_garbage\"}")
                        .status())
                .isEqualTo(400);
    }
}
