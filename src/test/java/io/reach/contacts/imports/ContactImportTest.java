package io.reach.contacts.imports;

import static io.reach.contacts.ContactsTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.contacts.ContactsTest;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Imports: upserts by address or number in the background, counts exact, refused rows by line. */
@ReachTest
class ContactImportTest {

    static final int ROWS = 100_000;

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Test
    void aHundredThousandRowsWithDuplicatesAndBadRowsAreCountedExactlyAndRefusedByLine() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        declare(token, "seats", "number");
        StringBuilder csv = new StringBuilder("\uFEFFE-mail;First Name;Seats;Tags\r\n");
        Set<String> addresses = new HashSet<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        for (int i = 1; i <= ROWS; i++) {
            long line = i + 1L;
            if (i % 1000 == 0) {
                csv.append("not-an-address-").append(i).append(";Bad;1;\r\n");
                refused.put(line, "email");
            } else if (i % 1000 == 500) {
                csv.append("seats-").append(i).append("@example.com;Odd;many;\r\n");
                refused.put(line, "attributes.seats");
            } else {
                String address = "p" + (i % 90_000) + "@example.com";
                addresses.add(address);
                csv.append(address)
                        .append(";Person ")
                        .append(i)
                        .append(';')
                        .append(i % 7)
                        .append(";a|b\r\n");
            }
        }
        long valid = ROWS - refused.size();

        Api.Response started = api.post("/api/v1/contact-imports", token, csv.toString(), "Content-Type", "text/csv");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("rows_total").asLong()).isEqualTo(ROWS);
        JsonNode done = awaitDone(token, started.header("Location"));
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("rows_done").asLong()).isEqualTo(ROWS);
        assertThat(done.get("created_count").asLong()).isEqualTo(addresses.size());
        assertThat(done.get("updated_count").asLong()).isEqualTo(valid - addresses.size());
        assertThat(done.get("error_count").asLong()).isEqualTo(refused.size());
        assertThat(count(ada, "select count(*) from contacts.contacts")).isEqualTo(addresses.size());
        assertThat(count(ada, "select count(*) from contacts.import_rows"))
                .as("staging emptied")
                .isZero();

        JsonNode errors = api.get(started.header("Location") + "/errors?limit=1000", token)
                .json();
        Map<Long, String> reported = new LinkedHashMap<>();
        errors.get("items")
                .forEach(error -> reported.put(
                        error.get("line").asLong(), error.get("field").asString()));
        assertThat(reported).isEqualTo(refused);

        JsonNode last = api.get("/api/v1/contacts?search=p89999@example.com", token)
                .json()
                .get("items")
                .get(0);
        assertThat(last.get("first_name").asString())
                .as("the last row of an address wins")
                .isEqualTo("Person 89999");
        assertThat(last.get("attributes").get("seats").asInt()).isEqualTo(89999 % 7);
        assertThat(last.get("tags").valueStream().map(JsonNode::asString)).containsExactly("a", "b");
    }

    @Test
    void aDryRunCountsWhatWouldHappenAndChangesNothing() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        api.post("/api/v1/contacts", token, "{\"email\": \"known@example.com\"}");
        String csv =
                "email,first_name\nknown@example.com,Known\nnew@example.com,New\nnew@example.com,Again\nbroken,X\n";

        Api.Response started = api.post("/api/v1/contact-imports?dry_run=true", token, csv, "Content-Type", "text/csv");
        JsonNode done = awaitDone(token, started.header("Location"));

        assertThat(done.get("dry_run").asBoolean()).isTrue();
        assertThat(done.get("created_count").asLong()).isEqualTo(1);
        assertThat(done.get("updated_count").asLong()).isEqualTo(2);
        assertThat(done.get("error_count").asLong()).isEqualTo(1);
        assertThat(count(ada, "select count(*) from contacts.contacts")).isEqualTo(1);
        assertThat(api.get("/api/v1/contacts?search=known", token)
                        .json()
                        .get("items")
                        .get(0)
                        .get("first_name")
                        .isNull())
                .isTrue();
    }

    @Test
    void anImportFillsInButNeverResubscribesNorTakesAnotherContactsNumber() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        UUID gone = id(api.post("/api/v1/contacts", token, "{\"email\": \"gone@example.com\"}"));
        api.post("/api/v1/contacts/" + gone + "/unsubscribe", token, "{\"channel\": \"email\"}");
        api.post("/api/v1/contacts", token, "{\"email\": \"owner@example.com\", \"phone\": \"+14155550100\"}");
        String json = """
                [{"email": "gone@example.com", "first_name": "Gone", "tags": ["x"]},
                 {"email": "thief@example.com", "phone": "+1 415 555 0100"},
                 {"phone": "+14155550199", "last_name": "Caller"},
                 {"email": "ok@example.com", "unknown_field": 1}]""";

        Api.Response started = api.post("/api/v1/contact-imports", token, json, "Content-Type", "application/json");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitDone(token, started.header("Location"));

        assertThat(done.get("created_count").asLong()).isEqualTo(1);
        assertThat(done.get("updated_count").asLong()).isEqualTo(1);
        assertThat(done.get("error_count").asLong()).isEqualTo(2);
        JsonNode goneNow = api.get("/api/v1/contacts/" + gone, token).json();
        assertThat(goneNow.get("status").asString()).isEqualTo("unsubscribed");
        assertThat(goneNow.get("first_name").asString()).isEqualTo("Gone");
        assertThat(api.get("/api/v1/contacts?search=thief", token)
                        .json()
                        .get("items")
                        .size())
                .isZero();
        JsonNode refused = api.get("/api/v1/contact-imports/" + done.get("id").asString() + "/errors", token)
                .json();
        assertThat(refused.get("items")
                        .valueStream()
                        .map(e -> e.get("line").asLong() + ":" + e.get("field").asString()))
                .containsExactly("2:phone", "4:item");
    }

    @Test
    void importedContactsJoinTheListAsItSays() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        UUID weekly = id(api.post("/api/v1/lists", token, "{\"name\": \"Weekly\", \"opt_in\": \"double\"}"));
        String address = "imported-" + UUID.randomUUID() + "@example.com";

        awaitDone(
                token,
                api.post(
                                "/api/v1/contact-imports?list_id=" + weekly,
                                token,
                                "email\n" + address + "\n",
                                "Content-Type",
                                "text/csv")
                        .header("Location"));

        assertThat(api.get("/api/v1/lists/" + weekly + "/members?status=unconfirmed", token)
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(TestMailServer.tokenInMail(address, 1))
                .as("asked to confirm")
                .isPresent();
    }

    @Test
    void anUploadThatIsNotAContactFileIsRefusedWhole() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();

        assertThat(api.post("/api/v1/contact-imports", token, "name\nAda\n", "Content-Type", "text/csv")
                        .status())
                .isEqualTo(400);
        Api.Response unknown = api.post(
                "/api/v1/contact-imports", token, "email,shoe_size\na@example.com,42\n", "Content-Type", "text/csv");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("shoe_size");
        assertThat(api.post(
                                "/api/v1/contact-imports",
                                token,
                                "{\"email\": \"a@example.com\"}",
                                "Content-Type",
                                "application/json")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/contact-imports", token, "email\n", "Content-Type", "text/csv")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/contact-imports?list_id=" + UUID.randomUUID(),
                                token,
                                "email\na@example.com\n",
                                "Content-Type",
                                "text/csv")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/contact-imports", token).json().get("items").size())
                .as("nothing kept")
                .isZero();
    }

    private JsonNode awaitDone(String token, String location) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode state = api.get(location, token).json();
            String status = state.get("status").asString();
            if (status.equals("done") || status.equals("failed")) {
                assertThat(state.get("failure").isNull()).as(state.toString()).isTrue();
                return state;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + location + " did not finish");
    }

    private void declare(String token, String name, String type) {
        ContactsTest.declare(api, token, name, type);
    }

    private long count(Accounts.SignedIn person, String sql) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + person.tenantId() + "'");
            return jdbc.queryForObject(sql, Long.class);
        });
    }
}
