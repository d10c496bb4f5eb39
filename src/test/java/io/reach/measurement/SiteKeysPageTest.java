package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's site-key page: a member adds a key for their website and gets the snippet to
 * paste; bad origins are refused next to the field; another workspace never sees the key.
 */
@ReachTest
class SiteKeysPageTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aMemberAddsASiteKeyAndCopiesItsSnippet() {
        Browser ada = signedIn(accounts.owner());
        assertThat(ada.get("/app/site-keys").body()).contains("No site key yet");

        var refused = ada.post("/app/site-keys", Map.of("name", "Shop", "origins", "not a website"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"origins-error\"").contains("not a website: must be an origin");

        var added = ada.post("/app/site-keys", Map.of("name", "Shop", "origins", "https://shop.example\n"));
        assertThat(added.statusCode()).isEqualTo(302);

        String page = ada.get("/app/site-keys").body();
        assertThat(page)
                .contains("<h2>Shop</h2>")
                .contains("Allowed origins: https://shop.example")
                .containsPattern(
                        "&lt;script defer src=\"http://[^\"]+/js/reach.js\" data-site-key=\"rs_site_[^\"]+\"&gt;")
                .doesNotContain("No site key yet");

        Browser other = signedIn(accounts.owner());
        assertThat(other.get("/app/site-keys").body())
                .contains("No site key yet")
                .doesNotContain("<h2>Shop</h2>");
    }

    @Test
    void theKeyAddedOnThePageIsTheApisKey() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = signedIn(owner);

        browser.get("/app/site-keys");
        assertThat(browser.post("/app/site-keys", Map.of("name", "Blog", "origins", "https://blog.example"))
                        .statusCode())
                .isEqualTo(302);

        var keys = api.get("/api/v1/site-keys", owner.accessToken()).json().get("items");
        assertThat(keys.valueStream().map(key -> key.get("name").asString())).contains("Blog");
    }

    @Test
    void aMemberRenamesAKeyAndRevokesIt() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = signedIn(owner);
        browser.get("/app/site-keys");
        browser.post("/app/site-keys", Map.of("name", "Shop", "origins", "https://shop.example"));
        String id = api.get("/api/v1/site-keys", owner.accessToken())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        browser.get("/app/site-keys");

        var refused = browser.post("/app/site-keys/" + id, Map.of("name", "Shop", "origins", "not a website"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"origins-error-" + id + "\"").doesNotContain("id=\"origins-error\"");

        var changed = browser.post(
                "/app/site-keys/" + id,
                Map.of("name", "Web shop", "origins", "https://shop.example\nhttps://www.shop.example"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/app/site-keys").body())
                .contains("<h2>Web shop</h2>")
                .contains("Allowed origins: https://shop.example, https://www.shop.example");

        assertThat(browser.post("/app/site-keys/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/app/site-keys").body()).contains("No site key yet");
        assertThat(api.get("/api/v1/site-keys/" + id, owner.accessToken())
                        .json()
                        .get("revoked_at")
                        .isNull())
                .isFalse();
    }

    @Test
    void anotherWorkspacesKeyIsUnknown() {
        Accounts.SignedIn other = accounts.owner();
        String theirs = api.post("/api/v1/site-keys", other.accessToken(), """
                {"name": "Theirs", "allowed_origins": ["https://theirs.example"]}""")
                .json()
                .get("id")
                .asString();
        Browser browser = signedIn(accounts.owner());
        browser.get("/app/site-keys");

        assertThat(browser.post("/app/site-keys/" + theirs + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.post("/app/site-keys/" + theirs, Map.of("name", "Mine", "origins", "https://mine.example"))
                        .statusCode())
                .isEqualTo(404);
    }

    private Browser signedIn(Accounts.SignedIn person) {
        return Browser.signedIn(api, person);
    }
}
