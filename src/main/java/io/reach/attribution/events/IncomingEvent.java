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

    /** A touch on {@code channel} at {@code at}, of {@code campaign} when known; the rest is set on the builder. */
    static Touch touch(Instant at, String channel, @Nullable UUID campaign) {
        return new Touch(at, channel, campaign);
    }

    /** The parts of a touch that a source knows; {@link #event()} makes it. */
    static final class Touch {

        private final Instant at;
        private final String channel;
        private final @Nullable UUID campaign;
        private @Nullable UUID podcast;
        private @Nullable UUID episode;
        private @Nullable UUID sponsor;
        private @Nullable String visitor;
        private @Nullable String referrer;
        private Map<String, String> utm = Map.of();
        private @Nullable String userAgent;
        private Map<String, Object> metadata = Map.of();

        private Touch(Instant at, String channel, @Nullable UUID campaign) {
            this.at = at;
            this.channel = channel;
            this.campaign = campaign;
        }

        /** Of a podcast's sponsorship. */
        Touch podcast(@Nullable UUID podcast, @Nullable UUID episode, @Nullable UUID sponsor) {
            this.podcast = podcast;
            this.episode = episode;
            this.sponsor = sponsor;
            return this;
        }

        /** By a known visitor. */
        Touch visitor(@Nullable String visitor) {
            this.visitor = visitor;
            return this;
        }

        /** As the browser said it: the page it came from, its UTM tags and its user agent. */
        Touch browser(@Nullable String referrer, Map<String, String> utm, @Nullable String userAgent) {
            this.referrer = referrer;
            this.utm = utm;
            this.userAgent = userAgent;
            return this;
        }

        /** What else is kept about it. */
        Touch metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        IncomingEvent event() {
            return new IncomingEvent(
                    EventKind.TOUCH,
                    at,
                    channel,
                    campaign,
                    podcast,
                    episode,
                    sponsor,
                    visitor,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    referrer,
                    utm,
                    userAgent,
                    metadata);
        }
    }
}
