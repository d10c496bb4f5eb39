package io.reach.contacts;

import static io.reach.contacts.ContactsTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Lists: single opt-in joins at once, double opt-in only once the mailed link is followed, each step on record. */
@ReachTest
class ListsTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aSingleOptInMemberIsConfirmedAtOnceWithItsConsentRecorded() {
        String token = accounts.owner().accessToken();
        UUID list = id(api.post("/api/v1/lists", token, "{\"name\": \"Offers\", \"opt_in\": \"single\"}"));
        UUID ada = id(api.post("/api/v1/contacts", token, "{\"email\": \"ada@example.com\"}"));

        JsonNode member = api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + ada + "\"}")
                .json();

        assertThat(member.get("status").asString()).isEqualTo("confirmed");
        JsonNode consent = api.get("/api/v1/contacts/" + ada + "/consents", token)
                .json()
                .get("items")
                .get(0);
        assertThat(consent.get("list_id").asString()).isEqualTo(list.toString());
        assertThat(consent.get("purpose").asString()).isEqualTo("Offers");
        assertThat(consent.get("method").asString()).isEqualTo("api");
        assertThat(api.get("/api/v1/lists/" + list, token)
                        .json()
                        .get("members")
                        .get("confirmed")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aDoubleOptInMemberStaysUnconfirmedUntilItFollowsTheMailedLink() {
        String token = accounts.owner().accessToken();
        UUID list = id(api.post("/api/v1/lists", token, "{\"name\": \"Weekly\", \"opt_in\": \"double\"}"));
        String address = "double-" + UUID.randomUUID() + "@example.com";
        UUID contact = id(api.post("/api/v1/contacts", token, "{\"email\": \"" + address + "\"}"));

        JsonNode member = api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + contact + "\"}")
                .json();
        assertThat(member.get("status").asString()).isEqualTo("unconfirmed");
        assertThat(api.get("/api/v1/contacts?list_id=" + list + "&member_status=confirmed", token)
                        .json()
                        .get("items")
                        .size())
                .isZero();

        String confirmation = TestMailServer.tokenInMail(address, 1).orElseThrow();
        Browser anyone = new Browser(api);
        assertThat(anyone.get("/subscriptions/confirm?token=" + confirmation).body())
                .as("opening the link only asks")
                .contains("Confirm my subscription");
        assertThat(api.get("/api/v1/lists/" + list + "/members?status=unconfirmed", token)
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);

        var confirmed = anyone.postExactly("/subscriptions/confirm", java.util.Map.of("token", confirmation));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed to \"Weekly\"");
        assertThat(api.get("/api/v1/contacts?list_id=" + list + "&member_status=confirmed", token)
                        .json()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(contact.toString());
        JsonNode consent = api.get("/api/v1/contacts/" + contact + "/consents", token)
                .json()
                .get("items")
                .get(0);
        assertThat(consent.get("method").asString()).isEqualTo("double_opt_in");
        assertThat(consent.get("ip_address").asString()).isEqualTo("127.0.0.1");
        assertThat(consent.get("recorded_by").isNull())
                .as("the contact confirmed it")
                .isTrue();

        assertThat(anyone.postExactly("/subscriptions/confirm", java.util.Map.of("token", confirmation + "x"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anUnsubscribedMemberIsKeptWithItsHistoryAndTheGrantBeforeIt() {
        String token = accounts.owner().accessToken();
        UUID list = id(api.post("/api/v1/lists", token, "{\"name\": \"Offers\", \"opt_in\": \"single\"}"));
        UUID ada = id(api.post("/api/v1/contacts", token, "{\"email\": \"ada@example.com\"}"));
        api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + ada + "\"}");

        JsonNode left = api.post("/api/v1/lists/" + list + "/members/" + ada + "/unsubscribe", token, "")
                .json();

        assertThat(left.get("status").asString()).isEqualTo("unsubscribed");
        assertThat(api.get("/api/v1/contacts/" + ada + "/consents", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(consent -> consent.get("action").asString()))
                .containsExactly("granted", "withdrawn");
        assertThat(api.get("/api/v1/contacts/" + ada + "/activities", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(activity -> activity.get("kind").asString()))
                .containsExactly("unsubscribed", "subscribed");
    }

    @Test
    void aPublicListsHostedFormSubscribesStrangersAsTheListSays() {
        String token = accounts.owner().accessToken();
        UUID list = id(api.post("/api/v1/lists", token, """
                {"name": "Launch news", "description": "Twice a month", "opt_in": "double", "visibility": "public"}"""));
        UUID secret = id(api.post("/api/v1/lists", token, "{\"name\": \"Staff\", \"opt_in\": \"single\"}"));
        assertThat(api.get("/api/v1/lists/" + secret, token)
                        .json()
                        .get("form_url")
                        .isNull())
                .isTrue();
        String form =
                api.get("/api/v1/lists/" + list, token).json().get("form_url").asString();
        String path = form.substring(form.indexOf("/subscribe/"));

        Browser stranger = new Browser(api);
        assertThat(stranger.get(path).body())
                .contains("Subscribe to Launch news")
                .contains("Twice a month");
        String address = "stranger-" + UUID.randomUUID() + "@example.com";
        var answer = stranger.postExactly(path, java.util.Map.of("email", address.toUpperCase(), "first_name", "Sam"));

        assertThat(answer.body()).contains("we sent you a mail");
        JsonNode contact = api.get("/api/v1/contacts?search=" + address, token)
                .json()
                .get("items")
                .get(0);
        assertThat(contact.get("source").asString()).isEqualTo("form");
        assertThat(contact.get("first_name").asString()).isEqualTo("Sam");
        assertThat(api.get("/api/v1/lists/" + list + "/members?status=unconfirmed", token)
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(TestMailServer.tokenInMail(address, 1)).isPresent();
        assertThat(stranger.get(path.replace("/subscribe/", "/subscribe/x")).statusCode())
                .isEqualTo(404);
        assertThat(stranger.postExactly(path, java.util.Map.of("email", "nope")).statusCode())
                .isEqualTo(400);
    }
}
