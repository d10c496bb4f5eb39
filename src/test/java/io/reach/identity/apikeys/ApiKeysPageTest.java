package io.reach.identity.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.identity.ConsoleMembers;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's API-key page: a key's secret is shown on the answer that created it and never
 * again, the key works with the API until revoked here; bad scopes are refused next to the field;
 * members without the permission are refused; another workspace's key is unknown.
 */
@ReachTest
class ApiKeysPageTest {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\" readonly value=\"(rk_[^\"]+)\"");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void theSecretIsShownOnceAndTheKeyWorksUntilRevoked() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/settings/api-keys").body()).contains("No API key yet");

        var created =
                browser.post("/app/settings/api-keys", Map.of("name", "Reporting script", "scopes", "tenant:read"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        var secret = SECRET.matcher(created.body());
        assertThat(secret.find()).isTrue();
        String key = secret.group(1);

        assertThat(api.get("/api/v1/tenant", key).status()).isEqualTo(200);
        String listed = browser.get("/app/settings/api-keys").body();
        assertThat(listed).contains("Reporting script").doesNotContain(key).doesNotContain("id=\"secret\"");

        String id = api.get("/api/v1/api-keys", owner.accessToken())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        assertThat(browser.post("/app/settings/api-keys/" + id + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/app/settings/api-keys").body()).contains("revoked");
        assertThat(api.get("/api/v1/tenant", key).status()).isEqualTo(401);
    }

    @Test
    void badScopesAreRefusedNextToTheField() {
        Browser browser = Browser.signedIn(api, accounts.owner());
        browser.get("/app/settings/api-keys");

        var malformed = browser.post("/app/settings/api-keys", Map.of("name", "Bad", "scopes", "everything please"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("id=\"scopes-error\"").doesNotContain("id=\"secret\"");

        var unknown = browser.post("/app/settings/api-keys", Map.of("name", "Bad", "scopes", "unicorns:read"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("names no permission (unicorns:read)");
    }

    @Test
    void membersWithoutThePermissionAreRefusedAndForeignKeysAreUnknown() {
        Accounts.SignedIn owner = accounts.owner();
        Browser member = ConsoleMembers.signedInto(owner, "editor", api, accounts, fixtures);
        assertThat(member.get("/").body()).doesNotContain("/app/settings/api-keys");
        assertThat(member.get("/app/settings/api-keys").statusCode()).isEqualTo(403);

        Accounts.SignedIn other = accounts.owner();
        String foreign = api.post("/api/v1/api-keys", other.accessToken(), """
                {"name": "theirs", "scopes": ["tenant:read"]}""")
                .json()
                .get("id")
                .asString();
        Browser browser = Browser.signedIn(api, owner);
        browser.get("/app/settings/api-keys");
        assertThat(browser.post("/app/settings/api-keys/" + foreign + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }
}
