package io.reach.attribution.events;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A touch or conversion as read from a batch line, before its household key is made. */
record IncomingEvent(
        EventKind kind,
        Instant occurredAt,
        @Nullable String channel,
        @Nullable UUID campaign,
        @Nullable UUID podcast,
        @Nullable UUID episode,
        @Nullable UUID sponsor,
        @Nullable String visitor,
        @Nullable InetAddress ip,
        @Nullable ConversionAction action,
        @Nullable BigDecimal value,
        @Nullable String currency,
        @Nullable String orderId,
        @Nullable String discountCode,
        @Nullable String referrer,
        Map<String, String> utm,
        @Nullable String userAgent,
        Map<String, Object> metadata) {

    /** A touch on {@code channel} at {@code at}, of {@code campaign} when known; the rest is added with the withers. */
    static IncomingEvent touch(Instant at, String channel, @Nullable UUID campaign) {
        return new IncomingEvent(
                EventKind.TOUCH,
                at,
                channel,
                campaign,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                Map.of());
    }

    /** This event, of a podcast's sponsorship. */
    IncomingEvent withPodcast(@Nullable UUID podcast, @Nullable UUID episode, @Nullable UUID sponsor) {
        return new IncomingEvent(
                kind,
                occurredAt,
                channel,
                campaign,
                podcast,
                episode,
                sponsor,
                visitor,
                ip,
                action,
                value,
                currency,
                orderId,
                discountCode,
                referrer,
                utm,
                userAgent,
                metadata);
    }

    /** This event, by a known visitor. */
    IncomingEvent withVisitor(@Nullable String visitor) {
        return new IncomingEvent(
                kind,
                occurredAt,
                channel,
                campaign,
                podcast,
                episode,
                sponsor,
                visitor,
                ip,
                action,
                value,
                currency,
                orderId,
                discountCode,
                referrer,
                utm,
                userAgent,
                metadata);
    }

    /** This event, as the browser said it: the page it came from, its UTM tags and its user agent. */
    IncomingEvent withBrowser(@Nullable String referrer, Map<String, String> utm, @Nullable String userAgent) {
        return new IncomingEvent(
                kind,
                occurredAt,
                channel,
                campaign,
                podcast,
                episode,
                sponsor,
                visitor,
                ip,
                action,
                value,
                currency,
                orderId,
                discountCode,
                referrer,
                utm,
                userAgent,
                metadata);
    }

    /** This event, with what else is kept about it. */
    IncomingEvent withMetadata(Map<String, Object> metadata) {
        return new IncomingEvent(
                kind,
                occurredAt,
                channel,
                campaign,
                podcast,
                episode,
                sponsor,
                visitor,
                ip,
                action,
                value,
                currency,
                orderId,
                discountCode,
                referrer,
                utm,
                userAgent,
                metadata);
    }
}
