package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One user cannot grow {@code me/data} without bound: a hundred entries, each of bounded size. */
@ReachTest
class UserDataLimitsTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aUserKeepsAtMostAHundredEntries() {
        Accounts.SignedIn ada = accounts.owner();
        for (int i = 0; i < 100; i++) {
            assertThat(api.put("/api/v1/me/data/key-" + i, ada.accessToken(), "{\"value\": \"v\"}")
                            .status())
                    .isEqualTo(200);
        }

        var oneTooMany = api.put("/api/v1/me/data/key-100", ada.accessToken(), "{\"value\": \"v\"}");

        assertThat(oneTooMany.status()).isEqualTo(409);
        assertThat(oneTooMany.contentType()).startsWith("application/problem+json");
        assertThat(api.put("/api/v1/me/data/key-7", ada.accessToken(), "{\"value\": \"changed\"}")
                        .status())
                .as("an existing entry still changes")
                .isEqualTo(200);
        assertThat(api.delete("/api/v1/me/data/key-0", ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.put("/api/v1/me/data/key-100", ada.accessToken(), "{\"value\": \"v\"}")
                        .status())
                .as("room again after a delete")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/me/data", ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(100);
    }

    @Test
    void aValueHasABoundedSize() {
        Accounts.SignedIn ada = accounts.owner();

        var tooLarge =
                api.put("/api/v1/me/data/big", ada.accessToken(), "{\"value\": \"%s\"}".formatted("x".repeat(10_001)));

        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me/data", ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
    }
}
