package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@link SignedInMember} parameters: a signed-in member gets through, an API key (even one with
 * every scope) gets the 403 problem, on one endpoint of each module that uses them; the parameter
 * is no part of the OpenAPI document.
 */
@ReachTest
class SignedInMemberTest {

    private static final List<String[]> MEMBERS_ONLY = List.of(
            new String[] {"GET", "/api/v1/me", null},
            new String[] {"GET", "/api/v1/sms-campaigns", null},
            new String[] {"GET", "/api/v1/posts/awaiting-approval", null},
            new String[] {"POST", "/api/v1/social/accounts/connect", "{\"platform\": \"linkedin\"}"});

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aMemberGetsThroughAndAnApiKeyIsRefused() {
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post("/api/v1/api-keys", ada.accessToken(), "{\"name\": \"robot\", \"scopes\": [\"*\"]}")
                .json()
                .get("key")
                .asString();

        for (String[] endpoint : MEMBERS_ONLY) {
            Api.Response byMember = api.send(endpoint[0], endpoint[1], ada.accessToken(), endpoint[2], List.of());
            Api.Response byKey = api.send(endpoint[0], endpoint[1], key, endpoint[2], List.of());

            assertThat(byMember.status()).as("member: " + endpoint[1]).isEqualTo(200);
            assertThat(byKey.status()).as("API key: " + endpoint[1]).isEqualTo(403);
            assertThat(byKey.json().get("detail").asString()).as(endpoint[1]).contains("signed-in member");
        }
    }

    @Test
    void anApiKeyActsInTheNameOfTheMemberWhoCreatedIt() {
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post("/api/v1/api-keys", ada.accessToken(), "{\"name\": \"robot\", \"scopes\": [\"*\"]}")
                .json()
                .get("key")
                .asString();

        assertThat(api.post("/api/v1/sites", key, "{\"name\": \"by robot\", \"domains\": [\"robot.example\"]}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/sites",
                                ada.accessToken(),
                                "{\"name\": \"by ada\", \"domains\": [\"ada.example\"]}")
                        .status())
                .isEqualTo(201);

        JsonNode created = api.get("/api/v1/audit-logs?action=site.created", ada.accessToken())
                .json()
                .get("items");
        assertThat(created.valueStream()
                        .map(entry -> entry.get("actor_type").asString() + " "
                                + entry.get("user_id").asString()))
                .containsExactlyInAnyOrder("api_key " + ada.userId(), "user " + ada.userId());
    }

    @Test
    void theOpenApiDocumentDoesNotShowTheParameter() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        List<String> shown = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> operation
                                .getValue()
                                .path("parameters")
                                .valueStream()
                                .filter(parameter -> List.of("member", "person", "principal", "by", "actor")
                                        .contains(parameter.path("name").asString("")))
                                .forEach(parameter -> shown.add(operation.getKey() + " " + path.getKey()))));

        assertThat(shown).isEmpty();
    }
}
