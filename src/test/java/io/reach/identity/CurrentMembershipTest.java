package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;

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
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        UUID membership = fixtures.addMember(ada.tenantId(), bob.userId(), "admin");
        String bobInAda = loginTo(bob, ada.tenantId());
        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(200);

        assertThat(api.patch("/api/v1/members/" + membership, ada.accessToken(), "{\"role\": \"member\"}").status())
                .isEqualTo(200);

        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", bobInAda).json().get("tenant_role").asString()).isEqualTo("member");
    }

    @Test
    void aRemovedMemberIsRefusedAtOnce() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        UUID membership = fixtures.addMember(ada.tenantId(), bob.userId(), "admin");
        String bobInAda = loginTo(bob, ada.tenantId());

        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update("delete from identity.memberships where id = ?", membership);
        });

        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", bobInAda).status()).isEqualTo(401);
    }

    @Test
    void aSuspendedMembershipIsRefusedAtOnce() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        UUID membership = fixtures.addMember(ada.tenantId(), bob.userId(), "editor");
        String bobInAda = loginTo(bob, ada.tenantId());

        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update("update identity.memberships set status = 'suspended' where id = ?", membership);
        });

        assertThat(api.get("/api/v1/me", bobInAda).status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedUserIsRefusedAtOnce() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        fixtures.addMember(ada.tenantId(), bob.userId(), "admin");
        String bobInAda = loginTo(bob, ada.tenantId());

        owner.run(jdbc -> jdbc.update("update identity.users set status = 'inactive' where id = ?", bob.userId()));

        assertThat(api.get("/api/v1/me", bobInAda).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", bob.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void theApiKeysOfADeactivatedUserStopWorkingAtOnce() {
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post("/api/v1/api-keys", ada.accessToken(), "{\"name\": \"k\", \"scopes\": [\"*:read\"]}")
                .json().get("key").asString();
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

    private String loginTo(Accounts.SignedIn person, UUID tenant) {
        return api.post("/api/v1/auth/login", null, "{\"email\": \"%s\", \"password\": \"%s\", \"tenant_id\": \"%s\"}"
                .formatted(person.email(), Accounts.PASSWORD, tenant)).json().get("access_token").asString();
    }
}
