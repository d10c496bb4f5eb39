package io.reach.contacts;

import static io.reach.contacts.ContactsTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's contacts: the list searches and filters as the API does; a contact's page shows its record. */
@ReachTest
class ContactPagesTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void theListFindsAContactAndItsPageShowsItsListsConsentsAndTimeline() {
        Accounts.SignedIn owner = accounts.owner();
        String token = owner.accessToken();
        UUID list = id(api.post("/api/v1/lists", token, "{\"name\": \"Weekly news\", \"opt_in\": \"single\"}"));
        UUID ada = id(api.post("/api/v1/contacts", token, """
                {"email": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace", "tags": ["vip"]}"""));
        api.post("/api/v1/contacts", token, "{\"email\": \"grace@example.com\", \"first_name\": \"Grace\"}");
        api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + ada + "\"}");
        Browser browser = Browser.signedIn(api, owner);

        assertThat(browser.get("/app/contacts").body()).contains("Ada Lovelace").contains("Grace");
        String found = browser.get("/app/contacts?q=lovel").body();
        assertThat(found).contains("Ada Lovelace").doesNotContain("grace@example.com");
        assertThat(browser.get("/app/contacts?tag=vip").body())
                .contains("ada@example.com")
                .doesNotContain("grace@");
        assertThat(browser.get("/app/contacts?q=x").statusCode())
                .as("too short a search")
                .isEqualTo(400);

        String page = browser.get("/app/contacts/" + ada).body();
        assertThat(page)
                .contains("Weekly news")
                .contains("confirmed")
                .contains("granted")
                .contains("subscribed");
        assertThat(page).contains("<script").doesNotContain("<script>");
    }

    @Test
    void aContactIsUnsubscribedResubscribedAndMergedFromItsPage() {
        Accounts.SignedIn owner = accounts.owner();
        String token = owner.accessToken();
        UUID ada = id(api.post("/api/v1/contacts", token, "{\"email\": \"ada@example.com\", \"first_name\": \"Ada\"}"));
        UUID twin = id(api.post("/api/v1/contacts", token, "{\"email\": \"ada.l@example.com\", \"tags\": [\"twin\"]}"));
        Browser browser = Browser.signedIn(api, owner);
        String page = "/app/contacts/" + ada;
        assertThat(browser.get(page).body()).contains("/preferences/").contains("Unsubscribe from everything");

        assertThat(browser.post(page + "/unsubscribe", java.util.Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(api.get(page.replace("/app/", "/api/v1/"), token)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("unsubscribed");
        assertThat(browser.get(page).body()).contains("Subscribe again");
        browser.post(page + "/resubscribe", java.util.Map.of());
        assertThat(api.get("/api/v1/contacts/" + ada, token)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("subscribed");

        assertThat(browser.post(page + "/merge", java.util.Map.of("duplicate", "nobody@example.com"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(browser.post(page + "/merge", java.util.Map.of("duplicate", "ADA.L@example.com"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.get("/api/v1/contacts/" + twin, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contacts/" + ada, token)
                        .json()
                        .get("tags")
                        .get(0)
                        .asString())
                .isEqualTo("twin");
        assertThat(api.get("/api/v1/contacts/" + ada + "/consents", token)
                        .json()
                        .get("items")
                        .size())
                .as("the withdrawal and the grant made in the console")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anotherWorkspacesContactIsNotFound() {
        String theirs = accounts.owner().accessToken();
        UUID contact = id(api.post("/api/v1/contacts", theirs, "{\"email\": \"x@example.com\"}"));

        Browser browser = Browser.signedIn(api, accounts.owner());

        assertThat(browser.get("/app/contacts/" + contact).statusCode()).isEqualTo(404);
        assertThat(browser.get("/app/contacts").body()).doesNotContain("x@example.com");
    }
}
