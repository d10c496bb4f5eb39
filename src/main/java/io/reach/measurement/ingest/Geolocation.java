package io.reach.measurement.ingest;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an IP address is, from a MaxMind-format city (or country) database at a configured path.
 * The file is opened on first use and reopened when it changes (as {@code geoipupdate} replaces
 * it). With none configured, the country database the build ships ({@link BundledCountries})
 * gives the country; callers prefer what trusted proxies say.
 */
@Component
class Geolocation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Geolocation.class);

    /** A located place; every part may be unknown. */
    record Place(
            @Nullable String countryCode,
            @Nullable String countryName,
            @Nullable String region,
            @Nullable String city,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable String timeZone) {

        static final Place UNKNOWN = new Place(null, null, null, null, null, null, null);

        boolean known() {
            return countryCode != null;
        }
    }

    private final @Nullable Path database;
    private final Duration recheck;
    private final Clock clock;
    private final BundledCountries bundled = new BundledCountries(BundledCountries.RESOURCE);
    private volatile @Nullable DatabaseReader reader;
    private @Nullable FileTime loaded;
    /** When the file was last looked at; read without the lock, so lookups between checks never wait. */
    private volatile Instant checked = Instant.MIN;

    Geolocation(
            @Value("${reach.measurement.geoip.database:}") String database,
            @Value("${reach.measurement.geoip.recheck:1m}") Duration recheck,
            Clock clock) {
        this.database = database.isBlank() ? null : Path.of(database);
        this.recheck = recheck;
        this.clock = clock;
    }

    /** The place of an address, or {@link Place#UNKNOWN} when there is no database, no entry or no valid address. */
    Place locate(@Nullable String address) {
        if (address == null) {
            return Place.UNKNOWN;
        }
        InetAddress ip = IpPrivacy.parsed(address.strip());
        return ip == null ? Place.UNKNOWN : locate(ip);
    }

    /** The place of an address already parsed. */
    Place locate(InetAddress ip) {
        if (database == null) {
            return bundled.locate(ip);
        }
        DatabaseReader current = reader();
        if (current == null) {
            return Place.UNKNOWN;
        }
        try {
            return lookup(current, ip).orElse(Place.UNKNOWN);
        } catch (IOException | GeoIp2Exception | UnsupportedOperationException e) {
            log.debug("No place for {}: {}", ip.getHostAddress(), e.getMessage());
            return Place.UNKNOWN;
        }
    }

    private static Optional<Place> lookup(DatabaseReader reader, InetAddress ip) throws IOException, GeoIp2Exception {
        if (!reader.metadata().databaseType().contains("City")) {
            return reader.tryCountry(ip)
                    .map(country -> new Place(
                            country.country().isoCode(), country.country().name(), null, null, null, null, null));
        }
        return reader.tryCity(ip).map(Geolocation::place);
    }

    private static Place place(CityResponse city) {
        var subdivision = city.mostSpecificSubdivision();
        return new Place(
                city.country().isoCode(),
                city.country().name(),
                subdivision == null ? null : subdivision.name(),
                city.city() == null ? null : city.city().name(),
                city.location() == null ? null : city.location().latitude(),
                city.location() == null ? null : city.location().longitude(),
                city.location() == null ? null : city.location().timeZone());
    }

    /**
     * The open database, looked at again once {@code recheck} has passed — also when there is none yet, so
     * a missing file costs one look per interval, not one per event.
     */
    private @Nullable DatabaseReader reader() {
        if (clock.instant().isBefore(checked.plus(recheck))) {
            return reader;
        }
        return recheckedReader();
    }

    private synchronized @Nullable DatabaseReader recheckedReader() {
        Instant now = clock.instant();
        if (now.isBefore(checked.plus(recheck))) {
            return reader;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(database);
            if (reader == null || !modified.equals(loaded)) {
                DatabaseReader opened = new DatabaseReader.Builder(database.toFile())
                        .locales(List.of("en"))
                        .withCache(new CHMCache())
                        .build();
                close();
                reader = opened;
                loaded = modified;
                log.info(
                        "Geolocation database {} loaded ({}, built {})",
                        database,
                        opened.metadata().databaseType(),
                        opened.metadata().buildTime());
            }
        } catch (IOException e) {
            if (reader == null) {
                log.debug("No geolocation database at {}: {}", database, e.getMessage());
            }
        }
        checked = now; // after the (re)load, so lookups that do not wait never see the reader being replaced
        return reader;
    }

    private void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                log.debug("Closing the geolocation database: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void destroy() {
        close();
        bundled.close();
    }
}
