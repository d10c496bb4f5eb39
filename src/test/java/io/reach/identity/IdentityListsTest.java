package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.Pages;
import io.reach.support.ReachTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Identity's lists answer {items, next_cursor}: catalogs in one page, assignments and policies paged in time order (#14.10). */
@ReachTest
class IdentityListsTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void catalogsAndAUsersOwnDataAnswerOnePage() {
        Accounts.SignedIn ada = accounts.owner();
        api.put("/api/v1/me/data/theme", ada.accessToken(), "{\"value\": \"dark\"}");

        assertThat(Pages.whole(api, "/api/v1/roles", ada.accessToken()).size()).isGreaterThanOrEqualTo(6);
        assertThat(Pages.whole(api, "/api/v1/permissions", ada.accessToken()).size())
                .isPositive();
        assertThat(Pages.whole(api, "/api/v1/me/data", ada.accessToken())
                        .get(0)
                        .get("key")
                        .asString())
                .isEqualTo("theme");
        assertThat(Pages.whole(api, "/api/v1/me/metrics", ada.accessToken()).size())
                .isPositive();
        JsonNode put = api.put("/api/v1/me/data/theme", ada.accessToken(), "{\"value\": \"light\"}")
                .json();
        assertThat(put.get("items").get(0).get("value").asString()).isEqualTo("light");
        assertThat(put.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void extraRolesArePagedInTheOrderTheyWereGiven() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        fixtures.addMember(ada.tenantId(), bob.userId(), "member");
        List<String> given = List.of("first", "second", "third", "fourth", "fifth");
        for (String role : given) {
            api.post("/api/v1/roles", ada.accessToken(), "{\"name\": \"%s\", \"permissions\": []}".formatted(role));
            var assigned = api.post(
                    "/api/v1/user-roles",
                    ada.accessToken(),
                    "{\"user_id\": \"%s\", \"role\": \"%s\"}".formatted(bob.userId(), role));
            assertThat(assigned.status()).isEqualTo(201);
            assertThat(assigned.json().get("role").asString()).isEqualTo(role);
        }

        Pages.Walk walk = Pages.walk(api, "/api/v1/user-roles", ada.accessToken(), 2);

        assertThat(walk.pages()).isEqualTo(3);
        assertThat(walk.items().stream().map(item -> item.get("role").asString()))
                .containsExactlyElementsOf(given);
        assertThat(Pages.walk(api, "/api/v1/user-roles?user_id=" + ada.userId(), ada.accessToken(), 2)
                        .items())
                .isEmpty();
        assertThat(api.get("/api/v1/user-roles?cursor=bm90LWEtY3Vyc29y", ada.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void accessPoliciesArePagedOldestFirst() {
        Accounts.SignedIn ada = accounts.owner();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/access-policies", ada.accessToken(), """
                    {"name": "policy %d", "policy_definition": {"effect": "deny", "resources": ["api_keys"],
                     "actions": ["read"], "conditions": [{"attribute": "subject.role", "operator": "equals", "value": "nobody"}]}}""".formatted(i))
                            .status())
                    .isEqualTo(201);
        }

        Pages.Walk walk = Pages.walk(api, "/api/v1/access-policies", ada.accessToken(), 2);

        assertThat(walk.pages()).isEqualTo(2);
        assertThat(walk.items().stream().map(item -> item.get("name").asString()))
                .containsExactly("policy 0", "policy 1", "policy 2");
    }
}
