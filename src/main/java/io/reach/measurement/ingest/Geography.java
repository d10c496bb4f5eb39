package io.reach.measurement.ingest;

import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The global reference table of places (reference model 004 geography): each country, region and
 * city seen, once. The places this node stored are remembered, so later batches skip them.
 */
@Repository
class Geography {

    private static final String REMEMBER = """
            insert into measurement.geography (geography_id, country_code, country_name, region, city, latitude, longitude,
                timezone, created_at)
            values (:id, :country, :name, :region, :city, :latitude, :longitude, :zone, :now)
            on conflict (country_code, region, city) do nothing""";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final KnownKeys<Geolocation.Place> known = new KnownKeys<>(10_000);

    Geography(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    void remember(List<TrackerEvent> events, Instant now) {
        Set<Geolocation.Place> places = new LinkedHashSet<>();
        events.stream()
                .map(TrackerEvent::place)
                .filter(Geolocation.Place::known)
                .forEach(places::add);
        List<Geolocation.Place> unknown = known.unknown(places);
        for (Geolocation.Place place : unknown) {
            jdbc.sql(REMEMBER)
                    .param("id", ids.next())
                    .param("country", place.countryCode())
                    .param("name", place.countryName())
                    .param("region", place.region())
                    .param("city", place.city())
                    .param("latitude", decimal(place.latitude()))
                    .param("longitude", decimal(place.longitude()))
                    .param("zone", place.timeZone())
                    .param("now", UtcTimes.utc(now))
                    .update();
        }
        known.storedOnCommit(unknown);
    }

    private static @Nullable BigDecimal decimal(@Nullable Double degrees) {
        return degrees == null ? null : BigDecimal.valueOf(degrees);
    }
}
