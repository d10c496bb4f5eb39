package io.reach.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The conversion pixel: a browser's conversion with a public site key is recorded and credited to
 * the visitor's touch; a foreign page, a missing origin, an unknown key and a malformed value are
 * refused.
 */
@ReachTest
class ConversionPixelTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aBrowserConversionIsRecordedFromAnAllowedPageOnly() {
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post(
                        "/api/v1/site-keys",
                        ada.accessToken(),
                        "{\"name\": \"shop\", \"allowed_origins\": [\"https://shop.example\"]}")
                .json()
                .get("key")
                .asString();
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        Api.Response touch = api.post(
                "/api/v1/ingest/touches",
                ada.accessToken(),
                "{\"occurred_at\": \"" + hourAgo + "\", \"channel\": \"newsletter\", \"visitor\": \"v7\"}");
        assertThat(touch.status()).as(touch.body()).isEqualTo(202);

        String query = "?action=purchase&value=49.90&currency=EUR&order_id=P-1&visitor=v7&coupon=SPRING&ip=192.0.2.1";
        Api.Response pixel = get("/px/" + key + ".gif" + query, "Referer", "https://shop.example/thanks?order=P-1");
        assertThat(pixel.status()).as(pixel.body()).isEqualTo(200);
        assertThat(pixel.contentType()).isEqualTo("image/gif");
        assertThat(pixel.body()).startsWith("GIF89a");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var results = api.get("/api/v1/attribution/results?from=" + today + "&to=" + today, ada.accessToken())
                .json();
        assertThat(results.get("conversions").asInt()).isEqualTo(1);
        assertThat(results.get("attributed_conversions").asInt())
                .as(results.toString())
                .isEqualTo(1);

        assertThat(get("/px/" + key + ".gif" + query, "Referer", "https://evil.example/")
                        .status())
                .isEqualTo(403);
        assertThat(get("/px/" + key + ".gif" + query, "Origin", "https://evil.example")
                        .status())
                .isEqualTo(403);
        assertThat(api.send("GET", "/px/" + key + ".gif" + query, null, null, List.of())
                        .status())
                .as("no page named")
                .isEqualTo(403);
        assertThat(get("/px/rs_site_nope.gif" + query, "Referer", "https://shop.example/")
                        .status())
                .isEqualTo(401);
        assertThat(get("/px/" + key + ".gif?action=purchase&value=abc", "Referer", "https://shop.example/")
                        .status())
                .isEqualTo(400);
        assertThat(get("/px/" + key + ".gif?action=refund", "Referer", "https://shop.example/")
                        .status())
                .isEqualTo(400);
    }

    static final String BROWSER =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";

    private Api.Response get(String path, String header, String value) {
        return api.send("GET", path, null, null, List.of(header, value, "User-Agent", BROWSER));
    }
}
