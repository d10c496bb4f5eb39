package io.reach.measurement.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event of an ingestion batch as the API document shows it. Ingestion reads the body itself
 * ({@link TrackerBatches}: a JSON array or NDJSON, each event checked on its own), so this record
 * only describes the shape; the limits are those {@link TrackerBatches} enforces.
 */
@Schema(name = "TrackedEvent", description = "An event; unknown keys reject the event")
record TrackedEvent(
        @Schema(maxLength = 128, description = "De-duplicates: the same id and time is stored once") @Nullable
        String eventId,

        @Schema(maxLength = 255) @Nullable String sessionId,
        @Schema(maxLength = 255) @Nullable String userId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, example = "page_view")
        String eventType,

        @Schema(maxLength = 255) @Nullable String eventCategory,
        @Schema(maxLength = 255) @Nullable String eventAction,
        @Schema(maxLength = 255) @Nullable String eventLabel,

        @Schema(maxLength = 2048, example = "https://example.com/pricing") @Nullable
        String pageUrl,

        @Schema(maxLength = 2048) @Nullable String referrerUrl,

        @Schema(maxLength = 1024, description = "Defaults to the request's User-Agent") @Nullable
        String userAgent,

        @Schema(maxLength = 64, description = "Servers only; a browser's own address is used for site keys") @Nullable
        String ipAddress,

        @Schema(maxLength = 64) @Nullable String deviceType,
        @Schema(maxLength = 64) @Nullable String browserName,
        @Schema(maxLength = 64) @Nullable String operatingSystem,
        @Schema(maxLength = 32) @Nullable String screenResolution,
        @Nullable BigDecimal eventValue,

        @Schema(description = "Free-form properties of the event (a JSON object)") @Nullable
        Map<String, Object> customProperties,

        @Schema(description = "When it happened (at most 7 days ago, 10 minutes ahead); the receipt time when absent")
        @Nullable
        Instant createdAt) {}
