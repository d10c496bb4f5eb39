package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Roles from the database, custom roles, and attribute-based policies with deny overriding, through HTTP. */
@ReachTest
class AccessControlTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    Fixtures fixtures;

    @Test
    void everyWorkspaceStartsWithTheBuiltInRoles() {
        Accounts.SignedIn ada = accounts.owner();

        JsonNode roles = api.get("/api/v1/roles", ada.accessToken()).json().get("items");

        assertThat(roles.valueStream().map(role -> role.get("name").asString()))
                .contains("owner", "admin", "editor", "analyst", "member", "retailer");
        JsonNode analyst = roles.valueStream()
                .filter(role -> role.get("name").asString().equals("analyst"))
                .findFirst()
                .orElseThrow();
        assertThat(analyst.get("permissions").valueStream().map(JsonNode::asString))
                .contains("campaigns:read")
                .doesNotContain("campaigns:write", "api_keys:read");
    }

    @Test
    void aMemberIsRefusedWhatTheirRoleDoesNotGrantUntilPromoted() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        UUID membership = fixtures.addMember(ada.tenantId(), bob.userId(), "member");
        String bobInAda = loginTo(bob.email(), ada.tenantId());

        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(403);
        assertThat(denials(ada.tenantId())).isPositive();

        var created = api.post(
                "/api/v1/roles", ada.accessToken(), "{\"name\": \"key-keeper\", \"permissions\": [\"api_keys:read\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.patch("/api/v1/members/" + membership, ada.accessToken(), "{\"role\": \"key-keeper\"}")
                        .status())
                .isEqualTo(200);

        String promoted = loginTo(bob.email(), ada.tenantId());
        assertThat(api.get("/api/v1/api-keys", promoted).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/api-keys", promoted, "{\"name\": \"x\", \"scopes\": [\"*\"]}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anExtraRoleGrantsWhatTheMembershipRoleDoesNot() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        fixtures.addMember(ada.tenantId(), bob.userId(), "member");
        api.post("/api/v1/roles", ada.accessToken(), "{\"name\": \"keys\", \"permissions\": [\"api_keys:read\"]}");
        String bobInAda = loginTo(bob.email(), ada.tenantId());
        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(403);

        var assigned = api.post(
                "/api/v1/user-roles",
                ada.accessToken(),
                "{\"user_id\": \"%s\", \"role\": \"keys\"}".formatted(bob.userId()));

        assertThat(assigned.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(200);
        String roleId = assigned.json().get("role_id").asString();
        assertThat(api.send(
                                "DELETE",
                                "/api/v1/user-roles/" + bob.userId() + "/" + roleId,
                                ada.accessToken(),
                                null,
                                List.of())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/user-roles",
                                ada.accessToken(),
                                "{\"user_id\": \"%s\", \"role\": \"keys\"}".formatted(UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void ownershipFeedsPoliciesAboutOwnResources() {
        Accounts.SignedIn ada = accounts.owner();
        String resource = api.post("/api/v1/roles", ada.accessToken(), "{\"name\": \"owned\", \"permissions\": []}")
                .json()
                .get("id")
                .asString();
        var set = api.send(
                "PUT",
                "/api/v1/resource-ownership",
                ada.accessToken(),
                "{\"resource_type\": \"roles\", \"resource_id\": \"%s\", \"owner_id\": \"%s\"}"
                        .formatted(resource, ada.userId()),
                List.of());

        assertThat(set.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/resource-ownership?resource_type=roles&resource_id=" + resource, ada.accessToken())
                        .json()
                        .get("owner_id")
                        .asString())
                .isEqualTo(ada.userId().toString());
    }

    @Test
    void aDenyPolicyOverridesWhatARoleGrants() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        fixtures.addMember(ada.tenantId(), bob.userId(), "admin");
        String bobInAda = loginTo(bob.email(), ada.tenantId());
        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(200);

        var policy = api.post("/api/v1/access-policies", ada.accessToken(), """
                {"name": "admins may not read keys", "policy_definition": {"effect": "deny", "resources": ["api_keys"],
                 "actions": ["read"], "conditions": [{"attribute": "subject.role", "operator": "equals", "value": "admin"}]}}""");

        assertThat(policy.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/api-keys", bobInAda).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/api-keys", ada.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void anAllowPolicyCanGrantWhatNoRoleDoes() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        fixtures.addMember(ada.tenantId(), bob.userId(), "member");
        api.post("/api/v1/access-policies", ada.accessToken(), """
                {"name": "loopback may read keys", "policy_definition": {"effect": "allow", "resources": ["api_keys"],
                 "actions": ["read"], "conditions": [{"attribute": "request.ip", "operator": "in_cidr", "value": "127.0.0.0/8"}]}}""");

        assertThat(api.get("/api/v1/api-keys", loginTo(bob.email(), ada.tenantId()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void nobodyGrantsMoreThanTheyHoldOrTouchesTheirOwnRole() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        Accounts.SignedIn cyd = accounts.owner();
        api.post(
                "/api/v1/roles",
                ada.accessToken(),
                "{\"name\": \"people\", \"permissions\": [\"members:read\", \"members:write\", \"roles:read\", \"api_keys:write\", \"api_keys:read\"]}");
        UUID bobs = fixtures.addMember(ada.tenantId(), bob.userId(), "people");
        UUID cyds = fixtures.addMember(ada.tenantId(), cyd.userId(), "member");
        String bobInAda = loginTo(bob.email(), ada.tenantId());

        assertThat(api.patch("/api/v1/members/" + cyds, bobInAda, "{\"role\": \"admin\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.patch("/api/v1/members/" + bobs, bobInAda, "{\"role\": \"member\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.patch("/api/v1/members/" + cyds, ada.accessToken(), "{\"role\": \"owner\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/invitations", bobInAda, "{\"email\": \"x@example.com\", \"role\": \"admin\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/api-keys", bobInAda, "{\"name\": \"all\", \"scopes\": [\"*\"]}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/api-keys", bobInAda, "{\"name\": \"mine\", \"scopes\": [\"members:read\"]}")
                        .status())
                .isEqualTo(201);
        assertThat(api.patch("/api/v1/members/" + cyds, bobInAda, "{\"role\": \"analyst\"}")
                        .status())
                .as("analyst reads more than bob holds")
                .isEqualTo(403);
        api.post("/api/v1/roles", ada.accessToken(), "{\"name\": \"viewer\", \"permissions\": [\"members:read\"]}");
        assertThat(api.patch("/api/v1/members/" + cyds, bobInAda, "{\"role\": \"viewer\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theOwnerCanAlwaysUndoAPolicyThatLocksEveryoneOut() {
        Accounts.SignedIn ada = accounts.owner();
        String id = api.post("/api/v1/access-policies", ada.accessToken(), """
                {"name": "lock", "policy_definition": {"effect": "deny", "resources": ["*"], "actions": ["*"]}}""")
                .json()
                .get("id")
                .asString();

        assertThat(api.get("/api/v1/api-keys", ada.accessToken()).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/access-policies/" + id, ada.accessToken())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void policyValuesOfTheWrongShapeAreRefused() {
        Accounts.SignedIn ada = accounts.owner();

        var objectValue = api.post("/api/v1/access-policies", ada.accessToken(), """
                {"name": "a", "policy_definition": {"effect": "deny", "resources": ["posts"], "actions": ["read"],
                 "conditions": [{"attribute": "subject.role", "operator": "equals", "value": {"x": 1}}]}}""");
        var hostName = api.post("/api/v1/access-policies", ada.accessToken(), """
                {"name": "b", "policy_definition": {"effect": "deny", "resources": ["posts"], "actions": ["read"],
                 "conditions": [{"attribute": "request.ip", "operator": "in_cidr", "value": "example.com/-1"}]}}""");

        assertThat(objectValue.status()).isEqualTo(400);
        assertThat(hostName.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/api-keys", ada.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void malformedPoliciesAreRefusedWithTheirProblems() {
        Accounts.SignedIn ada = accounts.owner();

        var response = api.post("/api/v1/access-policies", ada.accessToken(), """
                {"name": "bad", "policy_definition": {"effect": "maybe", "resources": [], "actions": ["read"],
                 "conditions": [{"attribute": "subject.shoe_size", "operator": "equals", "value": 42}]}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("message").asString()))
                .contains("effect must be allow or deny", "unknown attribute subject.shoe_size");
    }

    @Test
    void anotherWorkspacesMembersRolesAndPoliciesAreNotFound() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        UUID adasMembership = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForObject(
                    "select id from identity.memberships where user_id = ?", UUID.class, ada.userId());
        });
        String role = api.post("/api/v1/roles", ada.accessToken(), "{\"name\": \"secret\", \"permissions\": []}")
                .json()
                .get("id")
                .asString();
        String policy = api.post("/api/v1/access-policies", ada.accessToken(), """
                {"name": "p", "policy_definition": {"effect": "deny", "resources": ["posts"], "actions": ["*"]}}""")
                .json()
                .get("id")
                .asString();

        assertThat(api.patch("/api/v1/members/" + adasMembership, bob.accessToken(), "{\"role\": \"member\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/roles/" + role, bob.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/access-policies/" + policy, bob.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/members?limit=200", bob.accessToken()).body())
                .doesNotContain(ada.email());
        assertThat(api.get("/api/v1/roles", bob.accessToken()).body()).doesNotContain("\"secret\"");
        assertThat(api.send(
                                "DELETE",
                                "/api/v1/user-roles/" + ada.userId() + "/" + role,
                                bob.accessToken(),
                                null,
                                List.of())
                        .status())
                .isEqualTo(404);
        String owned = role;
        assertThat(api.send(
                                "PUT",
                                "/api/v1/resource-ownership",
                                ada.accessToken(),
                                """
                {"resource_type": "roles", "resource_id": "%s", "owner_id": "%s"}""".formatted(owned, ada.userId()),
                                List.of())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/resource-ownership?resource_type=roles&resource_id=" + owned, bob.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.send(
                                "PUT",
                                "/api/v1/resource-ownership",
                                bob.accessToken(),
                                """
                {"resource_type": "roles", "resource_id": "%s", "owner_id": "%s"}""".formatted(owned, ada.userId()),
                                List.of())
                        .status())
                .as("ada is not bob's member")
                .isEqualTo(404);
    }

    private String loginTo(String email, UUID tenant) {
        return api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"%s\", \"tenant_id\": \"%s\"}"
                                .formatted(email, Accounts.PASSWORD, tenant))
                .json()
                .get("access_token")
                .asString();
    }

    private long denials(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject("select count(*) from audit.access_logs where not allowed", Long.class);
        });
    }
}
