package io.reach.measurement.ingest;

import io.reach.measurement.IpCountries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Countries from the same geolocation the tracker ingestion uses. */
@Component
class GeolocatedCountries implements IpCountries {

    private final Geolocation geolocation;

    GeolocatedCountries(Geolocation geolocation) {
        this.geolocation = geolocation;
    }

    @Override
    public @Nullable String countryOf(String address) {
        return geolocation.locate(address).countryCode();
    }
}
