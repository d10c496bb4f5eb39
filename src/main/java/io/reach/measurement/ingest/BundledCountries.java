package io.reach.measurement.ingest;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The country database the build ships (DB-IP IP to Country Lite, CC BY 4.0, as packaged by
 * ip-location-db: MaxMind DB format holding only {@code country_code}), used when no database is
 * configured so that countries are known out of the box. Read once from the classpath on first use.
 */
final class BundledCountries {

    static final String RESOURCE = "geoip/dbip-country.mmdb";
    private static final Logger log = LoggerFactory.getLogger(BundledCountries.class);

    private final String resource;
    private @Nullable Reader reader;
    private boolean opened;

    BundledCountries(String resource) {
        this.resource = resource;
    }

    /** The place (a country code only) of an address; unknown when nothing is shipped or listed. */
    Geolocation.Place locate(InetAddress ip) {
        Reader current = reader();
        if (current == null) {
            return Geolocation.Place.UNKNOWN;
        }
        try {
            Map<?, ?> entry = current.get(ip, Map.class);
            Object code = entry == null ? null : entry.get("country_code");
            if (code instanceof String country && country.matches("[A-Za-z]{2}")) {
                return new Geolocation.Place(country.toUpperCase(Locale.ROOT), null, null, null, null, null, null);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("No country for an address in the bundled database: {}", e.getMessage());
        }
        return Geolocation.Place.UNKNOWN;
    }

    boolean shipped() {
        return reader() != null;
    }

    private synchronized @Nullable Reader reader() {
        if (!opened) {
            opened = true;
            try (InputStream in = BundledCountries.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    log.info(
                            "No bundled country database ({}); countries come from proxies or a configured database",
                            resource);
                } else {
                    reader = new Reader(in, new CHMCache());
                    log.info(
                            "Bundled country database loaded (DB-IP IP to Country Lite, CC BY 4.0, built {})",
                            reader.getMetadata().buildTime());
                }
            } catch (IOException e) {
                log.warn("The bundled country database cannot be read: {}", e.getMessage());
            }
        }
        return reader;
    }

    synchronized void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                log.debug("Closing the bundled country database: {}", e.getMessage());
            }
        }
    }
}
