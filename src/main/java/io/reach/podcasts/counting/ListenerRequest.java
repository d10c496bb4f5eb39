package io.reach.podcasts.counting;

import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import io.reach.podcasts.counting.IpNetworks.StoredAddress;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stored download request as counting reads it: when (epoch milliseconds), for which episode,
 * from which listener (this day's key, and the previous day's for rolling windows), what was asked
 * and answered, and how it was measured ({@code prefix}: the redirect, which never sees bytes).
 */
record ListenerRequest(
        String id,
        long at,
        UUID episode,
        ListenerId listener,
        ListenerId previous,
        @Nullable StoredAddress address,
        @Nullable String country,
        String eventType,
        String method,
        int status,
        @Nullable String range,
        @Nullable Long bytesServed,
        @Nullable String userAgent) {

    boolean prefixMeasured() {
        return "prefix".equals(eventType);
    }

    @Nullable
    HouseholdKey household() {
        return address == null ? null : address.household();
    }

    /** A listener key (16 bytes) as a value. */
    record ListenerId(long high, long low) {

        static ListenerId of(byte[] bytes) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new ListenerId(buffer.getLong(), buffer.getLong());
        }

        byte[] bytes() {
            return java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array();
        }
    }
}
