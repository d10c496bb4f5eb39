package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Ownership is given only to objects of the workspace's own: another tenant's id looks exactly like an unknown one. */
@ReachTest
class ResourceOwnershipTest {

    private static final UUID X_CHANNEL = UUID.fromString("0193a0c0-0000-7000-8000-000000000005");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void anotherTenantsObjectCannotBeOwned() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        String bobsCampaign = campaign(bob);
        String bobsRole = role(bob);
        UUID bobsAccount = fixtures.socialAccount(bob.tenantId(), "x", X_CHANNEL, "u" + UUID.randomUUID());

        var campaign = own(ada, "campaigns", bobsCampaign);
        var role = own(ada, "roles", bobsRole);
        var account = own(ada, "social_accounts", bobsAccount.toString());
        var unknown = own(ada, "campaigns", UUID.randomUUID().toString());

        assertThat(List.of(campaign.status(), role.status(), account.status(), unknown.status()))
                .containsOnly(404);
        assertThat(campaign.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(campaign.json().get("detail").asString().replace(bobsCampaign, "?"))
                .isEqualTo(unknown.json().get("detail").asString().replaceAll("[0-9a-f-]{36}", "?"));
        assertThat(api.get(
                                "/api/v1/resource-ownership?resource_type=campaigns&resource_id=" + bobsCampaign,
                                bob.accessToken())
                        .status())
                .as("nothing was stored for bob's campaign")
                .isEqualTo(404);
    }

    @Test
    void theWorkspacesOwnObjectsCanBeOwned() {
        Accounts.SignedIn ada = accounts.owner();
        String campaign = campaign(ada);
        String role = role(ada);
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X_CHANNEL, "u" + UUID.randomUUID());

        assertThat(own(ada, "campaigns", campaign).status()).isEqualTo(200);
        assertThat(own(ada, "roles", role).status()).isEqualTo(200);
        assertThat(own(ada, "social_accounts", account.toString()).status()).isEqualTo(200);
        assertThat(api.get(
                                "/api/v1/resource-ownership?resource_type=campaigns&resource_id=" + campaign,
                                ada.accessToken())
                        .json()
                        .get("owner_id")
                        .asString())
                .isEqualTo(ada.userId().toString());
    }

    @Test
    void aTypeWithoutOwnableObjectsIsRefusedWithTheField() {
        Accounts.SignedIn ada = accounts.owner();

        var response = own(ada, "unicorns", UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("resource_type");
    }

    private Api.Response own(Accounts.SignedIn who, String type, String id) {
        return api.send(
                "PUT",
                "/api/v1/resource-ownership",
                who.accessToken(),
                """
                {"resource_type": "%s", "resource_id": "%s", "owner_id": "%s"}""".formatted(type, id, who.userId()),
                List.of());
    }

    private String campaign(Accounts.SignedIn who) {
        var created = api.post("/api/v1/campaigns", who.accessToken(), "{\"name\": \"Owned\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String role(Accounts.SignedIn who) {
        var created = api.post(
                "/api/v1/roles",
                who.accessToken(),
                "{\"name\": \"r%d\", \"permissions\": []}".formatted(System.nanoTime() % 100000));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
