package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Authorisation follows the membership as it is now, not the role an access token was issued
 * with: a demotion, a removal or a deactivation counts from the next request. (Changes made
 * through Reach forget what this node remembers at once; the ones made here straight in the
 * database are made before the token's first use, as another node would see them after
 * {@code reach.identity.membership-cache-ttl}.)
 */
@ReachTest
class CurrentMembershipTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Test
    void aDemotedAdminLosesTheRightsAtOnce() {
        Joined bob = join("admin");
        Accounts.SignedIn ada = bob.workspace();
        UUID membership = bob.membership();
        String bobInAda = bob.token();
        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(200);

        assertThat(api.patch("/api/v1/members/" + membership, ada.accessToken(), "{\"role\": \"member\"}")
                        .status())
                .isEqualTo(200);

        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", bobInAda).json().get("tenant_role").asString())
                .isEqualTo("member");
    }

    @Test
    void aRemovedMemberIsRefusedAtOnce() {
        Joined bob = join("admin");
        String bobInAda = bob.token();

        changeMembership(bob, "delete from identity.memberships where id = ?");

        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", bobInAda).status()).isEqualTo(401);
    }

    @Test
    void aSuspendedMembershipIsRefusedAtOnce() {
        Joined bob = join("editor");
        String bobInAda = bob.token();

        changeMembership(bob, "update identity.memberships set status = 'suspended' where id = ?");

        assertThat(api.get("/api/v1/me", bobInAda).status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedUserIsRefusedAtOnce() {
        Joined bob = join("admin");

        owner.run(jdbc -> jdbc.update(
                "update identity.users set status = 'inactive' where id = ?",
                bob.person().userId()));

        assertThat(api.get("/api/v1/me", bob.token()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", bob.person().accessToken()).status()).isEqualTo(401);
    }

    @Test
    void theApiKeysOfADeactivatedUserStopWorkingAtOnce() {
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post("/api/v1/api-keys", ada.accessToken(), "{\"name\": \"k\", \"scopes\": [\"*:read\"]}")
                .json()
                .get("key")
                .asString();
        assertThat(api.get("/api/v1/api-keys", key).status()).isEqualTo(200);

        owner.run(jdbc -> jdbc.update("update identity.users set status = 'inactive' where id = ?", ada.userId()));

        assertThat(api.get("/api/v1/api-keys", key).status()).isEqualTo(403);
    }

    @Test
    void aPlatformRoleTakenAwayIsNotKeptByTheToken() {
        Accounts.SignedIn ada = accounts.owner();
        owner.run(jdbc -> jdbc.update("update identity.users set role = 'admin' where id = ?", ada.userId()));
        String admin = loginTo(ada, ada.tenantId());

        owner.run(jdbc -> jdbc.update("update identity.users set role = 'user' where id = ?", ada.userId()));

        assertThat(api.get("/api/v1/admin/tenants", admin).status()).isEqualTo(403);
    }

    /** A person who joined a new owner's workspace with {@code role}, signed in there. */
    private record Joined(Accounts.SignedIn workspace, Accounts.SignedIn person, UUID membership, String token) {}

    private Joined join(String role) {
        Accounts.SignedIn workspace = accounts.owner();
        Accounts.SignedIn person = accounts.owner();
        UUID membership = fixtures.addMember(workspace.tenantId(), person.userId(), role);
        return new Joined(workspace, person, membership, loginTo(person, workspace.tenantId()));
    }

    /** Runs {@code sql} (one parameter: the membership id) on the joined membership, as another node would. */
    private void changeMembership(Joined joined, String sql) {
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + joined.workspace().tenantId() + "'");
            jdbc.update(sql, joined.membership());
        });
    }

    private String loginTo(Accounts.SignedIn person, UUID tenant) {
        return api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"%s\", \"tenant_id\": \"%s\"}"
                                .formatted(person.email(), Accounts.PASSWORD, tenant))
                .json()
                .get("access_token")
                .asString();
    }
}
