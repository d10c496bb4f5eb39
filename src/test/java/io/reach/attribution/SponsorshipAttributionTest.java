package io.reach.attribution;

import static io.reach.attribution.ResultsJson.credit;
import static io.reach.attribution.ResultsJson.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.counting.DownloadCounting;
import io.reach.podcasts.downloads.DownloadMeasurementTest;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Sponsors and insertion orders, and the two ways a booking meets a conversion: a click on its
 * vanity address (recorded as a touch of the clicking household) and its promo code.
 */
@ReachTest
class SponsorshipAttributionTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    DownloadCounting counting;

    @Test
    void aVanityClickAndAPromoCodeEachCreditTheirBooking() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        Api.Response sponsor = api.post(
                "/api/v1/sponsors",
                token,
                "{\"name\": \"Acme Coffee\", \"website_url\": \"https://acme.example\", \"industry\": \"food\","
                        + " \"contacts\": [{\"name\": \"Wile\", \"email\": \"wile@acme.example\", \"role\": \"buyer\"}]}");
        assertThat(sponsor.status()).as(sponsor.body()).isEqualTo(201);
        String sponsorId = sponsor.json().get("id").asString();
        assertThat(sponsor.json().at("/contacts/0/name").asString()).isEqualTo("Wile");
        assertThat(api.post("/api/v1/sponsors", token, "{\"name\": \"acme coffee\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/sponsors", token, "{\"name\": \"Nulls\", \"contacts\": [null]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/sponsors", token, "{\"name\": \"X\", \"website_url\": \"ftp://x\"}")
                        .status())
                .isEqualTo(400);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(api.post(
                                "/api/v1/io-bookings",
                                token,
                                "{\"sponsor_id\": \"" + sponsorId + "\", \"flight_start\": \"" + today
                                        + "\", \"flight_end\": \"" + today
                                        + "\", \"price\": 1, \"currency\": \"USD\", \"podcast_ids\": [null]}")
                        .status())
                .isEqualTo(400);
        Api.Response booking =
                api.post("/api/v1/io-bookings", token, """
                {"sponsor_id": "%s", "flight_start": "%s", "flight_end": "%s", "goal_type": "downloads", "goal": 50000,
                 "pricing": "cpm", "price": 25.00, "currency": "usd", "promo_code": "PODCAST20",
                 "vanity_slug": "acme", "landing_url": "https://acme.example/shop?ref=pod#top", "status": "live"}""".formatted(sponsorId, today.minusDays(7), today.plusDays(7)));
        assertThat(booking.status()).as(booking.body()).isEqualTo(201);
        assertThat(booking.json().get("currency").asString()).isEqualTo("USD");
        String bookingId = booking.json().get("id").asString();
        assertThat(api.post(
                                "/api/v1/io-bookings",
                                token,
                                "{\"sponsor_id\": \"" + sponsorId + "\", \"flight_start\": \"" + today
                                        + "\", \"flight_end\": \"" + today
                                        + "\", \"price\": 1, \"currency\": \"USD\", \"promo_code\": \"podcast20\"}")
                        .status())
                .as("a promo code is the workspace's once, whatever its case")
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/io-bookings",
                                token,
                                "{\"sponsor_id\": \"" + sponsorId + "\", \"flight_start\": \"" + today
                                        + "\", \"flight_end\": \"" + today.minusDays(1)
                                        + "\", \"price\": 1, \"currency\": \"USD\"}")
                        .status())
                .isEqualTo(400);

        String workspace = owner.with(jdbc ->
                jdbc.queryForObject("select slug from tenancy.tenants where id = ?", String.class, ada.tenantId()));
        Api.Response click = get("/v/" + workspace + "/acme");
        assertThat(click.status()).isEqualTo(302);
        assertThat(click.header("Location"))
                .isEqualTo(
                        "https://acme.example/shop?ref=pod&utm_source=podcast&utm_medium=audio&utm_campaign=acme#top");
        Api.Response unknown = get("/v/" + workspace + "/nobody");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(get("/v/no-such-workspace-here/acme").status()).isEqualTo(404);

        Instant later = Instant.now().plusSeconds(60);
        Api.Response conversions = api.post(
                "/api/v1/ingest/conversions",
                token,
                String.join(
                        "\n",
                        "{\"occurred_at\": \"" + later
                                + "\", \"action\": \"purchase\", \"value\": 40, \"currency\": \"USD\","
                                + " \"ip\": \"127.0.0.1\", \"discount_code\": \"PODCAST20\", \"order_id\": \"o-1\"}",
                        "{\"occurred_at\": \"" + later
                                + "\", \"action\": \"purchase\", \"value\": 20, \"currency\": \"USD\","
                                + " \"visitor\": \"stranger\", \"discount_code\": \"podcast20\", \"order_id\": \"o-2\"}",
                        "{\"occurred_at\": \"" + later + "\", \"action\": \"signup\", \"visitor\": \"other\","
                                + " \"discount_code\": \"NOPE\"}"));
        assertThat(conversions.json().get("stored").asInt())
                .as(conversions.body())
                .isEqualTo(3);

        JsonNode results = api.get("/api/v1/attribution/results?from=" + today + "&to=" + today.plusDays(1), token)
                .json();
        assertThat(results.get("attributed_conversions").asInt()).isEqualTo(2);
        assertThat(results.get("unattributed_conversions").asInt()).isEqualTo(1);
        JsonNode lastTouch = model(results, "last_touch");
        assertThat(credit(lastTouch, "vanity_url"))
                .as("the click takes precedence over the code it came with")
                .isEqualTo(1);
        assertThat(credit(lastTouch, "promo_code")).as("the code alone").isEqualTo(1);
        JsonNode bySponsor = api.get(
                        "/api/v1/attribution/results?from=" + today + "&to=" + today.plusDays(1) + "&point=sponsor",
                        token)
                .json();
        assertThat(credit(model(bySponsor, "linear"), sponsorId)).isEqualTo(2);
        JsonNode byOrder = api.get(
                        "/api/v1/attribution/results?from=" + today + "&to=" + today.plusDays(1) + "&point=io_booking",
                        token)
                .json();
        assertThat(credit(model(byOrder, "linear"), bookingId))
                .as("the vanity click and the promo code both name the insertion order")
                .isEqualTo(2);

        Accounts.SignedIn bob = accounts.owner();
        assertThat(api.get("/api/v1/io-bookings/" + bookingId, bob.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/sponsors/" + sponsorId, bob.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/io-bookings",
                                bob.accessToken(),
                                "{\"sponsor_id\": \"" + sponsorId + "\", \"flight_start\": \"" + today
                                        + "\", \"flight_end\": \"" + today + "\", \"price\": 1, \"currency\": \"USD\"}")
                        .status())
                .isEqualTo(400);
        String bobs = owner.with(jdbc ->
                jdbc.queryForObject("select slug from tenancy.tenants where id = ?", String.class, bob.tenantId()));
        assertThat(get("/v/" + bobs + "/acme").status())
                .as("a slug is its workspace's")
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/sponsors/" + sponsorId, token).status())
                .as("not while it has bookings")
                .isEqualTo(409);
    }

    @Test
    void anAdDeliveredInACountedDownloadIsATouchOfItsHousehold() {
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        String audio = "https://cdn.example.com/attributed/" + ada.tenantId() + ".mp3";
        DownloadMeasurementTest.Measured ids = DownloadMeasurementTest.measuredEpisode(api, owner, ada, audio);
        String sponsor = api.post("/api/v1/sponsors", token, "{\"name\": \"Beans\"}")
                .json()
                .get("id")
                .asString();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        String booking = api.post(
                        "/api/v1/io-bookings",
                        token,
                        "{\"sponsor_id\": \"" + sponsor + "\", \"flight_start\": \"" + day + "\", \"flight_end\": \""
                                + day.plusDays(9) + "\", \"price\": 500, \"pricing\": \"flat\", \"currency\": \"EUR\","
                                + " \"goal_type\": \"impressions\", \"goal\": 10}")
                .json()
                .get("id")
                .asString();
        Api.Response ad = api.post(
                "/api/v1/episodes/" + ids.episode() + "/ad-units",
                token,
                "{\"unit_type\": \"pre\", \"duration_seconds\": 30, \"io_booking_id\": \"" + booking + "\"}");
        assertThat(ad.status()).as(ad.body()).isEqualTo(201);
        Accounts.SignedIn bob = accounts.owner();
        assertThat(api.post(
                                "/api/v1/episodes/" + ids.episode() + "/ad-units",
                                bob.accessToken(),
                                "{\"unit_type\": \"pre\", \"duration_seconds\": 30}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/episodes/" + ids.episode() + "/ad-units",
                                token,
                                "{\"unit_type\": \"pre\", \"duration_seconds\": 30, \"io_booking_id\": \""
                                        + UUID.randomUUID() + "\"}")
                        .status())
                .isEqualTo(400);

        api.post(
                "/api/v1/ingest/downloads",
                token,
                DownloadMeasurementTest.line(
                        day + "T08:00:00Z",
                        "203.0.113.50",
                        DownloadMeasurementTest.IPHONE,
                        206,
                        "bytes=0-",
                        40_000_000,
                        audio));
        counting.countUncounted(TenantId.of(ada.tenantId()));
        api.post(
                "/api/v1/ingest/conversions",
                token,
                "{\"occurred_at\": \"" + day + "T20:00:00Z\", \"action\": \"purchase\", \"value\": 12.5,"
                        + " \"currency\": \"EUR\", \"ip\": \"203.0.113.50\"}");
        JsonNode results = api.get("/api/v1/attribution/results?from=" + day + "&to=" + day + "&point=sponsor", token)
                .json();
        assertThat(credit(model(results, "first_touch"), sponsor)).isEqualTo(1);
        JsonNode byEpisode = api.get("/api/v1/attribution/results?from=" + day + "&to=" + day + "&point=episode", token)
                .json();
        assertThat(credit(model(byEpisode, "markov"), ids.episode())).isEqualTo(1);

        counting.count(TenantId.of(ada.tenantId()), day, day, counted -> {});
        JsonNode recounted = api.get("/api/v1/attribution/results?from=" + day + "&to=" + day + "&point=sponsor", token)
                .json();
        assertThat(recounted.get("attributed_conversions").asInt())
                .as("a recount replaces the day's ad touches, never adds to them")
                .isEqualTo(1);
        assertThat(credit(model(recounted, "linear"), sponsor)).isEqualTo(1);

        JsonNode delivery =
                api.get("/api/v1/io-bookings/" + booking + "/delivery", token).json();
        assertThat(delivery.get("delivered").asLong())
                .as("one pre-roll in one counted download")
                .isEqualTo(1);
        assertThat(delivery.get("share").asDouble()).isEqualTo(0.1);
        assertThat(delivery.get("expected_by_now").asLong())
                .as("3 of the flight's 10 days")
                .isEqualTo(3);
        assertThat(delivery.get("pacing").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(delivery.get("cost_so_far").asDouble()).isEqualTo(500);
        assertThat(api.get("/api/v1/io-bookings/" + booking + "/delivery", bob.accessToken())
                        .status())
                .isEqualTo(404);
    }

    private Api.Response get(String path) {
        return api.execute(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET().build());
    }
}
