package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Input is checked, not silently accepted or guessed at (issue 14, point 9). */
@ReachTest
class StrictInputTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void anUnknownKeyInARequestBodyIsRefusedByName() {
        Accounts.SignedIn ada = accounts.owner();

        var created =
                api.post("/api/v1/campaigns", ada.accessToken(), "{\"name\": \"Spring\", \"budgt_allocated\": 100}");

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().at("/errors/0/field").asString()).isEqualTo("budgt_allocated");
        assertThat(api.get("/api/v1/campaigns", ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
    }

    @Test
    void numbersAreNotReadFromStrings() {
        Accounts.SignedIn ada = accounts.owner();

        var created = api.post(
                "/api/v1/campaigns", ada.accessToken(), "{\"name\": \"Spring\", \"budget_allocated\": \"100\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().at("/errors/0/field").asString()).isEqualTo("budget_allocated");
    }

    @Test
    void anUnknownQueryParameterOrFilterIsRefusedInsteadOfIgnored() {
        Accounts.SignedIn ada = accounts.owner();

        var typo = api.get("/api/v1/campaigns?stauts=draft", ada.accessToken());
        var filter = api.get("/api/v1/analytics/timeseries?page_ulr=/pricing", ada.accessToken());
        var known = api.get("/api/v1/campaigns?status=draft&limit=5", ada.accessToken());

        assertThat(typo.status()).as(typo.body()).isEqualTo(400);
        assertThat(typo.json().at("/errors/0/field").asString()).isEqualTo("stauts");
        assertThat(filter.status()).as(filter.body()).isEqualTo(400);
        assertThat(filter.json().at("/errors/0/field").asString()).isEqualTo("page_ulr");
        assertThat(known.status()).isEqualTo(200);
    }

    @Test
    void aShortenedUuidIsABadRequestNotAnotherId() {
        Accounts.SignedIn ada = accounts.owner();

        var shortened = api.get("/api/v1/campaigns/1-2-3-4-5", ada.accessToken());
        var whole = api.get("/api/v1/campaigns/" + UUID.randomUUID(), ada.accessToken());

        assertThat(shortened.status()).as(shortened.body()).isEqualTo(400);
        assertThat(whole.status()).isEqualTo(404);
    }

    @Test
    void apiKeyScopesMustNameRealPermissions() {
        Accounts.SignedIn ada = accounts.owner();

        var typo = api.post(
                "/api/v1/api-keys",
                ada.accessToken(),
                "{\"name\": \"server\", \"scopes\": [\"ingest:write\", \"campaign:write\"]}");

        assertThat(typo.status()).as(typo.body()).isEqualTo(400);
        assertThat(typo.json().at("/errors/0/field").asString()).isEqualTo("scopes[1]");
    }

    @Test
    void aSendStatusFilterMustBeASendStatus() {
        Accounts.SignedIn ada = accounts.owner();

        var bogus = api.get("/api/v1/email-campaigns/" + UUID.randomUUID() + "/sends?status=bogus", ada.accessToken());

        assertThat(bogus.status()).as(bogus.body()).isEqualTo(400);
        assertThat(bogus.json().at("/errors/0/field").asString()).isEqualTo("status");
    }
}
