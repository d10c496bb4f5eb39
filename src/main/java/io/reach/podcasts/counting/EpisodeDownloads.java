package io.reach.podcasts.counting;

import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One episode's downloads of a day as the array literals of a {@code podcasts.downloads} row: an
 * element per download in counting order, and the ads delivered as (position, ad unit) pairs.
 */
final class EpisodeDownloads {

    private static final HexFormat HEX = HexFormat.of();

    final ArrayLiteral eventIds;
    final ArrayLiteral countedAt;
    final ArrayLiteral listenerIds;
    final ArrayLiteral householdKeys;
    final ArrayLiteral bytesDelivered;
    final ArrayLiteral prefixMeasured;
    final ArrayLiteral adDownloads = new ArrayLiteral(16);
    final ArrayLiteral adUnits = new ArrayLiteral(16);
    private int position;

    EpisodeDownloads(int downloads) {
        eventIds = new ArrayLiteral(downloads * 37);
        countedAt = new ArrayLiteral(downloads * 25);
        listenerIds = new ArrayLiteral(downloads * 36);
        householdKeys = new ArrayLiteral(downloads * 36);
        bytesDelivered = new ArrayLiteral(downloads * 10);
        prefixMeasured = new ArrayLiteral(downloads * 2);
    }

    void add(DownloadCounter.Download download) {
        ListenerRequest request = download.request();
        position++;
        eventIds.element(request.id());
        countedAt.element(Instant.ofEpochMilli(request.at()).toString());
        listenerIds.element(bytea(request.listener().bytes()));
        HouseholdKey household = request.household();
        householdKeys.element(household == null ? "NULL" : bytea(Anomalies.bytes(household)));
        bytesDelivered.element(Long.toString(download.bytesDelivered()));
        prefixMeasured.element(request.prefixMeasured() ? "t" : "f");
        for (UUID ad : download.adsDelivered()) {
            adDownloads.element(Integer.toString(position));
            adUnits.element(ad.toString());
        }
    }

    /** A bytea element of an array literal: {@code \x…} with its backslash escaped. */
    private static String bytea(byte[] bytes) {
        return "\\\\x" + HEX.formatHex(bytes);
    }

    /** The text of a PostgreSQL array, {@code {a,b,…}}, of elements that need no quoting. */
    static final class ArrayLiteral {
        private final StringBuilder text;

        ArrayLiteral(int capacity) {
            text = new StringBuilder(capacity + 2).append('{');
        }

        void element(String value) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(value);
        }

        String close() {
            return text.append('}').toString();
        }
    }
}
