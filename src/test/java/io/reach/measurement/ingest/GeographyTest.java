package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.GeoDatabases;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * Events are located from a MaxMind-format database (written by the test, read by the real
 * GeoIP2 reader) before their address is truncated, or from a trusted proxy's headers; country
 * is a dimension and a filter; sessions keep the place and geography notes each place once.
 */
@ReachTest
class GeographyTest {

    @Autowired
    Api api;

    @Autowired
    Sessionizer sessionizer;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Test
    void eventsAreLocatedByTheDatabaseOrATrustedProxyAndCountedByCountry() {
        GeoDatabases.write(
                Path.of("target/test-geo/city.mmdb"),
                "Reach-Test-GeoIP2-City",
                Map.of(
                        "81.2.69.0/24",
                                GeoDatabases.city(
                                        "GB",
                                        "United Kingdom",
                                        "ENG",
                                        "England",
                                        "London",
                                        51.5142,
                                        -0.0931,
                                        "Europe/London"),
                        "2001:db8::/32",
                                GeoDatabases.city(
                                        "DE",
                                        "Germany",
                                        "BE",
                                        "Land Berlin",
                                        "Berlin",
                                        52.52,
                                        13.405,
                                        "Europe/Berlin")));
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "site");
        Instant at = Instant.now().minus(1, ChronoUnit.MINUTES);
        var response = api.post("/api/v1/ingest/trackers", key, """
                [{"event_type": "page_view", "session_id": "london", "ip_address": "81.2.69.160", "created_at": "%1$s"},
                 {"event_type": "page_view", "session_id": "london", "ip_address": "81.2.69.161", "created_at": "%1$s"},
                 {"event_type": "page_view", "session_id": "berlin", "ip_address": "2001:db8::1", "created_at": "%1$s"},
                 {"event_type": "page_view", "session_id": "nowhere", "ip_address": "192.0.2.1", "created_at": "%1$s"}]""".formatted(at));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        var proxied = api.post(
                "/api/v1/ingest/trackers",
                key,
                "[{\"event_type\": \"page_view\", \"session_id\": \"paris\"}]",
                "X-Forwarded-For",
                "198.51.100.7",
                "CF-IPCountry",
                "fr",
                "CF-IPCity",
                "Paris");
        assertThat(proxied.status()).as(proxied.body()).isEqualTo(202);

        sessionizer.drain(TenantId.of(ada.tenantId()));
        String range =
                "from=" + at.minus(1, ChronoUnit.HOURS) + "&to=" + Instant.now().plusSeconds(60);
        JsonNode top = api.get("/api/v1/analytics/top?dimension=country&" + range, ada.accessToken())
                .json()
                .get("items");
        assertThat(top.valueStream()
                        .map(row -> row.get("value").asString() + "="
                                + row.get("events").asLong())
                        .toList())
                .containsExactly("GB=2", "DE=1", "FR=1");
        JsonNode british = api.get(
                        "/api/v1/analytics/timeseries?metric=events&interval=hour&country=GB&" + range,
                        ada.accessToken())
                .json();
        assertThat(british.get("items")
                        .valueStream()
                        .mapToLong(p -> p.get("value").asLong())
                        .sum())
                .isEqualTo(2);

        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            assertThat(jdbc.queryForList(
                            "select ip_address, country, city from measurement.trackers where session_id = 'london'"))
                    .allSatisfy(row -> assertThat(row)
                            .containsEntry("ip_address", "81.2.69.0")
                            .containsEntry("country", "GB")
                            .containsEntry("city", "London"));
            assertThat(jdbc.queryForObject(
                            "select ip_address from measurement.trackers where session_id = 'paris'", String.class))
                    .as("the forwarded client, not the proxy")
                    .isEqualTo("198.51.100.0");
            assertThat(jdbc.queryForObject(
                            "select location_data::text from measurement.sessions where session_key = 'berlin'",
                            String.class))
                    .contains("\"country\": \"DE\"")
                    .contains("\"city\": \"Berlin\"");
            assertThat(jdbc.queryForObject(
                            "select location_data::text from measurement.sessions where session_key = 'nowhere'",
                            String.class))
                    .isEqualTo("{}");
        });
        Map<String, Object> london = owner.with(jdbc -> jdbc.queryForMap("""
                select country_name, region, latitude::float8 as latitude, timezone from measurement.geography
                where country_code = 'GB' and city = 'London'"""));
        assertThat(london)
                .containsEntry("country_name", "United Kingdom")
                .containsEntry("region", "England")
                .containsEntry("latitude", 51.5142)
                .containsEntry("timezone", "Europe/London");

        JsonNode places = api.get("/api/v1/analytics/geography?" + range, ada.accessToken())
                .json()
                .get("items");
        assertThat(places.valueStream().map(place -> place.get("city").asString()))
                .contains("London", "Berlin", "Paris");
        JsonNode sessions = api.get("/api/v1/analytics/sessions/list?" + range, ada.accessToken())
                .json()
                .get("items");
        assertThat(sessions.valueStream()
                        .filter(s -> s.get("session_key").asString().equals("berlin"))
                        .findFirst()
                        .orElseThrow()
                        .get("location_data")
                        .get("city")
                        .asString())
                .isEqualTo("Berlin");
        assertThat(api.get(
                                "/api/v1/analytics/geography?" + range,
                                accounts.owner().accessToken())
                        .json()
                        .get("items")
                        .size())
                .as("another tenant sees none of these places")
                .isZero();
        assertThat(london)
                .containsEntry("country_name", "United Kingdom")
                .containsEntry("region", "England")
                .containsEntry("latitude", 51.5142)
                .containsEntry("timezone", "Europe/London");
    }

    @Test
    void anUntrustedSendersForwardingAndLocationHeadersAreIgnored() {
        Senders senders = new Senders(List.of("10.0.0.0/8"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        request.addHeader("X-Forwarded-For", "198.51.100.7");
        request.addHeader("CF-IPCountry", "FR");

        assertThat(senders.of(request))
                .isEqualTo(new Senders.Sender("203.0.113.9", Geolocation.Place.UNKNOWN, null, false));

        request.setRemoteAddr("10.1.2.3");
        request.removeHeader("X-Forwarded-For");
        request.addHeader("X-Forwarded-For", "198.51.100.7, 10.0.0.5");
        Senders.Sender behindTwoProxies = senders.of(request);
        assertThat(behindTwoProxies.address()).isEqualTo("198.51.100.7");
        assertThat(behindTwoProxies.place().countryCode()).isEqualTo("FR");
    }
}
