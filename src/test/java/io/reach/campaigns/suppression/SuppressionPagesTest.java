package io.reach.campaigns.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.identity.ConsoleMembers;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's suppression lists: an address is suppressed by hand (kept in its normal form, as the
 * API keeps it), found by searching, lifted; bad addresses are refused next to the field; each
 * workspace sees only its own list, and only people who may read contacts see it at all.
 */
@ReachTest
class SuppressionPagesTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void aMarketerSuppressesSearchesAndLiftsAnAddress() {
        Accounts.SignedIn ada = accounts.owner();
        String domain = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Browser browser = Browser.signedIn(api, ada);
        assertThat(browser.get("/app/suppressions").body()).contains("Nobody is suppressed on this channel yet");

        var refused = browser.post("/app/suppressions", Map.of("channel", "email", "address", "not an address"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"address-error\">The address is not a valid e-mail address.");

        assertThat(browser.post("/app/suppressions", Map.of("channel", "email", "address", "Gone@" + domain))
                        .statusCode())
                .isEqualTo(302);
        browser.post("/app/suppressions", Map.of("channel", "email", "address", "kept@" + domain));
        assertThat(browser.get("/app/suppressions?channel=email").body())
                .contains("<td>gone@" + domain + "</td>")
                .contains("<td>manual</td>");
        assertThat(browser.get("/app/suppressions?channel=email&q=gone").body())
                .contains("<td>gone@" + domain + "</td>")
                .doesNotContain("<td>kept@" + domain + "</td>");
        assertThat(api.get("/api/v1/suppressions/email", ada.accessToken()).body())
                .contains("gone@" + domain);

        browser.post("/app/suppressions", Map.of("channel", "sms", "address", "+1 415 555 0123"));
        assertThat(browser.get("/app/suppressions?channel=sms").body()).contains("<td>+14155550123</td>");

        assertThat(browser.post("/app/suppressions/remove", Map.of("channel", "email", "address", "gone@" + domain))
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/app/suppressions?channel=email").body())
                .doesNotContain("<td>gone@" + domain + "</td>")
                .contains("<td>kept@" + domain + "</td>");
        assertThat(browser.post("/app/suppressions/remove", Map.of("channel", "email", "address", "gone@" + domain))
                        .statusCode())
                .as("lifted already")
                .isEqualTo(404);
    }

    @Test
    void eachWorkspaceSeesItsOwnListAndOnlyPeopleWhoMayReadContacts() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = Browser.signedIn(api, ada);
        browser.get("/app/suppressions");
        browser.post("/app/suppressions", Map.of("channel", "email", "address", "private@ada.example"));

        Browser stranger = Browser.signedIn(api, accounts.owner());
        assertThat(stranger.get("/app/suppressions").body()).doesNotContain("private@ada.example");
        assertThat(stranger.post(
                                "/app/suppressions/remove",
                                Map.of("channel", "email", "address", "private@ada.example"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.get("/app/suppressions").body()).contains("private@ada.example");

        Browser reader = ConsoleMembers.signedInto(ada, "member", api, accounts, fixtures);
        assertThat(reader.get("/app/suppressions").statusCode()).isEqualTo(200);
        assertThat(reader.post("/app/suppressions", Map.of("channel", "email", "address", "x@ada.example"))
                        .statusCode())
                .isEqualTo(403);

        Browser nobody = ConsoleMembers.signedInto(ada, "no-such-role", api, accounts, fixtures);
        assertThat(nobody.get("/").body()).doesNotContain("href=\"/app/suppressions\"");
        assertThat(nobody.get("/app/suppressions").statusCode()).isEqualTo(403);
    }
}
