package io.reach.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Contacts through the API: stored in one normal form, unique per workspace, typed attributes, found, merged. */
@ReachTest
public class ContactsTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aContactIsStoredInNormalFormAndFoundByAnyPartOfItsNameOrAddress() {
        String token = accounts.owner().accessToken();
        declare(token, "plan", "text");
        declare(token, "seats", "number");

        Api.Response created = api.post("/api/v1/contacts", token, """
                {"email": " Ada@Example.COM ", "phone": "+44 (20) 7946-0018", "first_name": "Ada",
                 "last_name": "Lovelace", "locale": "en_GB", "time_zone": "Europe/London",
                 "attributes": {"plan": "pro", "seats": "12"}, "tags": ["VIP", "vip", " beta "]}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode ada = created.json();
        assertThat(ada.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(ada.get("phone").asString()).isEqualTo("+442079460018");
        assertThat(ada.get("locale").asString()).isEqualTo("en-GB");
        assertThat(ada.get("attributes").get("seats").asInt()).isEqualTo(12);
        assertThat(ada.get("tags").valueStream().map(JsonNode::asString)).containsExactly("vip", "beta");
        assertThat(ada.get("status").asString()).isEqualTo("subscribed");
        assertThat(ada.get("source").asString()).isEqualTo("api");
        assertThat(created.header("Location"))
                .isEqualTo("/api/v1/contacts/" + ada.get("id").asString());

        api.post("/api/v1/contacts", token, """
                {"email": "grace@example.com", "first_name": "Grace", "tags": ["beta"]}""");
        assertThat(emails(api.get("/api/v1/contacts?search=lovel", token))).containsExactly("ada@example.com");
        assertThat(emails(api.get("/api/v1/contacts?search=EXAMPLE.com", token)))
                .containsExactly("grace@example.com", "ada@example.com");
        assertThat(emails(api.get("/api/v1/contacts?tag=vip", token))).containsExactly("ada@example.com");
        assertThat(emails(api.get("/api/v1/contacts?tag=beta&search=grace", token)))
                .containsExactly("grace@example.com");
    }

    @Test
    void anAddressOrNumberBelongsToOneContactOfAWorkspace() {
        String token = accounts.owner().accessToken();
        UUID ada = id(api.post("/api/v1/contacts", token, "{\"email\": \"ada@example.com\"}"));

        Api.Response again = api.post("/api/v1/contacts", token, "{\"email\": \"ADA@example.com\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains(ada.toString());

        UUID bob = id(api.post("/api/v1/contacts", token, "{\"phone\": \"+14155550123\"}"));
        assertThat(api.patch("/api/v1/contacts/" + bob, token, "{\"email\": \"ada@example.com\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/contacts/" + bob, token).json().get("email").isNull())
                .isTrue();

        String elsewhere = accounts.owner().accessToken();
        assertThat(api.post("/api/v1/contacts", elsewhere, "{\"email\": \"ada@example.com\"}")
                        .status())
                .as("another workspace has its own Ada")
                .isEqualTo(201);
    }

    @Test
    void whatCannotBeStoredIsRefusedFieldByField() {
        String token = accounts.owner().accessToken();
        declare(token, "seats", "number");

        Api.Response refused = api.post("/api/v1/contacts", token, """
                {"email": "not-an-address", "phone": "12", "time_zone": "Mars/Base",
                 "attributes": {"seats": "many", "shoe_size": 42}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString()))
                .contains("email", "phone", "time_zone", "attributes.seats", "attributes.shoe_size");
        assertThat(api.post("/api/v1/contacts", token, "{\"first_name\": \"Nobody\"}")
                        .status())
                .as("neither address nor number")
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/contacts",
                                token,
                                "{\"email\": \"a@example.com\", \"tags\": [\"" + "x".repeat(51) + "\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/contacts?search=a", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/contacts?status=sleeping", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/contacts", token).json().get("items").size())
                .isZero();
    }

    @Test
    void aChangeKeepsWhatItDoesNotName() {
        String token = accounts.owner().accessToken();
        declare(token, "plan", "text");
        declare(token, "vip", "boolean");
        UUID ada = id(api.post("/api/v1/contacts", token, """
                {"email": "ada@example.com", "first_name": "Ada", "last_name": "Byron",
                 "attributes": {"plan": "pro", "vip": true}, "tags": ["a"]}"""));

        JsonNode changed = api.patch("/api/v1/contacts/" + ada, token, """
                        {"last_name": "Lovelace", "attributes": {"vip": null, "plan": "team"}}""").json();

        assertThat(changed.get("first_name").asString()).isEqualTo("Ada");
        assertThat(changed.get("last_name").asString()).isEqualTo("Lovelace");
        assertThat(changed.get("attributes").propertyNames()).containsExactly("plan");
        assertThat(changed.get("attributes").get("plan").asString()).isEqualTo("team");
        assertThat(changed.get("tags").valueStream().map(JsonNode::asString)).containsExactly("a");
        assertThat(api.patch("/api/v1/contacts/" + ada, token, "{\"first_name\": \"\"}")
                        .json()
                        .get("first_name")
                        .isNull())
                .isTrue();
    }

    @Test
    void aDuplicateMergedIntoItsContactBringsItsListsConsentsAndWhatTheContactLacked() {
        String token = accounts.owner().accessToken();
        UUID list = id(api.post("/api/v1/lists", token, "{\"name\": \"News\", \"opt_in\": \"single\"}"));
        UUID ada = id(api.post("/api/v1/contacts", token, "{\"email\": \"ada@example.com\", \"tags\": [\"a\"]}"));
        UUID copy = id(api.post("/api/v1/contacts", token, """
                {"phone": "+14155550123", "first_name": "Ada", "tags": ["b"]}"""));
        assertThat(api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + copy + "\"}")
                        .status())
                .isEqualTo(200);
        api.post("/api/v1/contacts/" + copy + "/unsubscribe", token, "{\"channel\": \"sms\"}");

        JsonNode merged = api.post("/api/v1/contacts/" + ada + "/merge", token, "{\"duplicate_id\": \"" + copy + "\"}")
                .json();

        assertThat(merged.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(merged.get("phone").asString()).isEqualTo("+14155550123");
        assertThat(merged.get("first_name").asString()).isEqualTo("Ada");
        assertThat(merged.get("tags").valueStream().map(JsonNode::asString)).containsExactly("a", "b");
        assertThat(merged.get("status").asString())
                .as("a merge never resubscribes")
                .isEqualTo("unsubscribed");
        assertThat(api.get("/api/v1/contacts/" + copy, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contacts/" + ada + "/lists", token)
                        .json()
                        .get("items")
                        .get(0)
                        .get("list_id")
                        .asString())
                .isEqualTo(list.toString());
        assertThat(api.get("/api/v1/contacts/" + ada + "/consents", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(consent -> consent.get("action").asString()))
                .containsExactly("granted", "withdrawn");
        assertThat(api.post("/api/v1/contacts/" + ada + "/merge", token, "{\"duplicate_id\": \"" + ada + "\"}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anExportHasEveryContactUnderTheFilterWithItsDeclaredFieldsAndNeutralisedCells() {
        String token = accounts.owner().accessToken();
        declare(token, "plan", "text");
        api.post("/api/v1/contacts", token, """
                {"email": "ada@example.com", "first_name": "=HYPERLINK(1)", "attributes": {"plan": "pro"}, "tags": ["vip"]}""");
        api.post("/api/v1/contacts", token, "{\"email\": \"grace@example.com\"}");
        api.post("/api/v1/contacts", accounts.owner().accessToken(), "{\"email\": \"other@example.com\"}");

        Api.Response all = api.get("/api/v1/contacts/export", token);
        Api.Response vip = api.get("/api/v1/contacts/export?tag=vip", token);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("text/csv");
        java.util.List<String> lines = all.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("id,email,phone,first_name").endsWith(",plan");
        assertThat(lines).hasSize(3);
        assertThat(all.body()).doesNotContain("other@example.com");
        assertThat(vip.body().lines().toList()).hasSize(2);
        assertThat(vip.body())
                .contains("ada@example.com")
                .contains("'=HYPERLINK(1)")
                .contains(",vip,")
                .endsWith(",pro\n");
    }

    @Test
    void anotherWorkspacesContactIsNotFoundWhateverIsAskedOfIt() {
        String token = accounts.owner().accessToken();
        UUID theirs =
                id(api.post("/api/v1/contacts", accounts.owner().accessToken(), "{\"email\": \"x@example.com\"}"));
        UUID mine = id(api.post("/api/v1/contacts", token, "{\"email\": \"y@example.com\"}"));
        UUID list = id(api.post("/api/v1/lists", token, "{\"name\": \"News\", \"opt_in\": \"single\"}"));

        assertThat(api.get("/api/v1/contacts/" + theirs, token).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/contacts/" + theirs, token, "{\"first_name\": \"X\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/contacts/" + theirs, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contacts/" + theirs + "/consents", token).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/contacts/" + theirs + "/activities", token).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/contacts/" + mine + "/merge", token, "{\"duplicate_id\": \"" + theirs + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + theirs + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/contacts/" + mine, token).status()).isEqualTo(200);
    }

    private void declare(String token, String name, String type) {
        declare(api, token, name, type);
    }

    /** Declares a contact field of the token's workspace. */
    public static void declare(Api api, String token, String name, String type) {
        assertThat(api.post("/api/v1/contact-fields", token, """
                        {"name": "%s", "label": "%s", "field_type": "%s"}""".formatted(name, name, type))
                        .status())
                .isEqualTo(201);
    }

    public static UUID id(Api.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private static java.util.List<String> emails(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json()
                .get("items")
                .valueStream()
                .map(contact -> contact.get("email").asString())
                .toList();
    }
}
