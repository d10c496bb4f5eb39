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
    void anotherWorkspacesContactIsNotFound() {
        String theirs = accounts.owner().accessToken();
        UUID contact = id(api.post("/api/v1/contacts", theirs, "{\"email\": \"x@example.com\"}"));

        Browser browser = Browser.signedIn(api, accounts.owner());

        assertThat(browser.get("/app/contacts/" + contact).statusCode()).isEqualTo(404);
        assertThat(browser.get("/app/contacts").body()).doesNotContain("x@example.com");
    }
}
