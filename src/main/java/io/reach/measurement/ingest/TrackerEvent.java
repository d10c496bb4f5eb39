package io.reach.measurement.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One behaviour event as stored in {@code measurement.trackers}, after validation and enrichment. */
record TrackerEvent(
        UUID id,
        String eventId,
        @Nullable String sessionId,
        @Nullable String userId,
        String eventType,
        @Nullable String eventCategory,
        @Nullable String eventAction,
        @Nullable String eventLabel,
        @Nullable String pageUrl,
        @Nullable String referrerUrl,
        @Nullable String userAgent,
        @Nullable String ipAddress,
        @Nullable String deviceType,
        @Nullable String browserName,
        @Nullable String operatingSystem,
        @Nullable String screenResolution,
        @Nullable BigDecimal eventValue,
        String customProperties,
        boolean bot,
        Instant createdAt,
        @Nullable String deviceBrand,
        @Nullable String deviceModel,
        Geolocation.Place place) {}
