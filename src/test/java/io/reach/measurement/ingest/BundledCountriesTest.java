package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With no database configured, the country database the build ships gives the country. */
class BundledCountriesTest {

    @Test
    void countriesAreKnownOutOfTheBoxFromTheShippedDbIpLiteDatabase() {
        Geolocation geolocation = new Geolocation("", Duration.ofMinutes(1), Clock.systemUTC());

        assertThat(geolocation.locate("8.8.8.8").countryCode()).isEqualTo("US");
        assertThat(geolocation.locate("2001:4860:4860::8888").countryCode())
                .as("IPv6 too")
                .matches("[A-Z]{2}");
        assertThat(geolocation.locate("not an address")).isEqualTo(Geolocation.Place.UNKNOWN);
        geolocation.destroy();
    }

    @Test
    void theShippedDatabaseCarriesItsLicence() {
        assertThat(BundledCountries.class.getClassLoader().getResource("geoip/DBIP-LICENSE"))
                .isNotNull();
    }
}
