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
        Map<String, Object> metadata) {}
