package io.reach.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A report shared with a sponsor: the link opens without an account and shows the sponsor's orders,
 * delivery, conversions credited by each model and the cost per acquisition; a revoked or altered
 * link, or another workspace's sponsor, opens nothing.
 */
@ReachTest
class SponsorReportTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aSponsorOpensItsReportUntilTheLinkIsRevoked() {
        String token = accounts.owner().accessToken();
        String sponsor = api.post("/api/v1/sponsors", token, "{\"name\": \"Acme Coffee\"}")
                .json()
                .get("id")
                .asString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Api.Response booking =
                api.post("/api/v1/io-bookings", token, """
                {"sponsor_id": "%s", "flight_start": "%s", "flight_end": "%s", "pricing": "flat", "price": 600,
                 "currency": "USD", "promo_code": "BEANS", "status": "live"}""".formatted(sponsor, today.minusDays(5), today.plusDays(5)));
        assertThat(booking.status()).as(booking.body()).isEqualTo(201);
        for (int i = 0; i < 2; i++) {
            api.post(
                    "/api/v1/ingest/conversions",
                    token,
                    "{\"occurred_at\": \"" + Instant.now().minusSeconds(120 + i)
                            + "\", \"action\": \"purchase\", \"value\": 20, \"currency\": \"USD\", \"discount_code\": \"beans\","
                            + " \"order_id\": \"B-" + i + "\"}");
        }

        Api.Response link =
                api.post("/api/v1/sponsors/" + sponsor + "/report-links", token, "{\"expires_in_days\": 7}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String path = link.json().get("path").asString();
        Api.Response page = api.send("GET", path, null, null, List.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.body())
                .contains("Acme Coffee: your sponsorship")
                .contains("600.00 USD")
                .contains("BEANS")
                .contains("Last touch")
                .contains("<td>2.00</td>")
                .contains("300.00");

        assertThat(api.send("GET", path + "x", null, null, List.of()).status()).isEqualTo(404);
        String stranger = accounts.owner().accessToken();
        assertThat(api.post("/api/v1/sponsors/" + sponsor + "/report-links", stranger, "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/sponsors/" + sponsor + "/report-links", token, "{\"expires_in_days\": 0}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/sponsors/" + sponsor + "/report-links", token)
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        String id = link.json().get("id").asString();
        assertThat(api.delete("/api/v1/sponsor-report-links/" + id, stranger).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/sponsor-report-links/" + id, token).status())
                .isEqualTo(204);
        assertThat(api.send("GET", path, null, null, List.of()).status()).isEqualTo(404);
    }
}
