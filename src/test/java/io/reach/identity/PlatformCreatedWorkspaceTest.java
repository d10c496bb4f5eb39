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

/** Issue 14.6: a workspace the platform admin creates can be entered by the owner it names. */
@ReachTest
class PlatformCreatedWorkspaceTest {

    private static final String TENANTS = "/api/v1/admin/tenants";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void anOwnerInvitedByEmailSignsUpIntoTheWorkspaceInsteadOfCreatingAnother() {
        String email = "client-" + UUID.randomUUID() + "@example.com";
        var created = api.post(TENANTS, Api.ADMIN, """
                {"name": "Client Co", "owner_email": "%s"}""".formatted(email));
        assertThat(created.status()).isEqualTo(201);
        String tenantId = created.json().get("id").asString();
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();

        var signedUp = api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "invitation_token": "%s"}""".formatted(email, Accounts.PASSWORD, token));

        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(signedUp.json().get("tenant_id").asString()).isEqualTo(tenantId);
        JsonNode session = api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD))
                .json();
        String access = session.get("access_token").asString();
        JsonNode tenant = api.get("/api/v1/tenant", access).json();
        assertThat(tenant.get("id").asString()).isEqualTo(tenantId);
        assertThat(tenant.get("owner_id").asString())
                .isEqualTo(signedUp.json().get("user_id").asString());
        assertThat(api.get("/api/v1/members", access).json().at("/items/0/role").asString())
                .isEqualTo("owner");
        assertThat(api.get(TENANTS + "/" + tenantId, Api.ADMIN)
                        .json()
                        .get("owner_id")
                        .asString())
                .isEqualTo(signedUp.json().get("user_id").asString());
    }

    @Test
    void settingOwnerIdMakesThatUserAnOwnerMember() {
        Accounts.SignedIn ada = accounts.owner();
        String tenantId = api.post(TENANTS, Api.ADMIN, "{\"name\": \"Handed over\"}")
                .json()
                .get("id")
                .asString();

        var patched = api.patch(TENANTS + "/" + tenantId, Api.ADMIN, "{\"owner_id\": \"%s\"}".formatted(ada.userId()));
        assertThat(patched.status()).isEqualTo(200);

        var switched = api.post(
                "/api/v1/auth/switch-tenant", ada.accessToken(), "{\"tenant_id\": \"%s\"}".formatted(tenantId));
        assertThat(switched.status()).isEqualTo(200);
        String access = switched.json().get("access_token").asString();
        assertThat(api.get("/api/v1/tenant", access).json().get("id").asString())
                .isEqualTo(tenantId);
        assertThat(api.get("/api/v1/members", access).json().at("/items/0/role").asString())
                .isEqualTo("owner");
    }

    @Test
    void anExistingAccountNamedByEmailBecomesOwnerAtOnce() {
        Accounts.SignedIn ada = accounts.owner();
        String tenantId = api.post(TENANTS, Api.ADMIN, "{\"name\": \"Second client\"}")
                .json()
                .get("id")
                .asString();

        var named =
                api.post(TENANTS + "/" + tenantId + "/owner", Api.ADMIN, "{\"email\": \"%s\"}".formatted(ada.email()));

        assertThat(named.status()).isEqualTo(200);
        assertThat(named.json().get("owner_id").asString())
                .isEqualTo(ada.userId().toString());
        assertThat(api.post(
                                "/api/v1/auth/switch-tenant",
                                ada.accessToken(),
                                "{\"tenant_id\": \"%s\"}".formatted(tenantId))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownOwnerIdIsRefusedAndAnUnknownAddressIsInvited() {
        String tenantId = api.post(TENANTS, Api.ADMIN, "{\"name\": \"Nobody's\"}")
                .json()
                .get("id")
                .asString();

        var unknown =
                api.patch(TENANTS + "/" + tenantId, Api.ADMIN, "{\"owner_id\": \"%s\"}".formatted(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("owner_id");
        assertThat(api.get(TENANTS + "/" + tenantId, Api.ADMIN)
                        .json()
                        .get("owner_id")
                        .isNull())
                .isTrue();

        String email = "later-" + UUID.randomUUID() + "@example.com";
        var invited = api.post(TENANTS + "/" + tenantId + "/owner", Api.ADMIN, "{\"email\": \"%s\"}".formatted(email));
        assertThat(invited.status()).isEqualTo(202);
        assertThat(TestMailServer.tokenInMail(email, 1)).isPresent();
    }
}
