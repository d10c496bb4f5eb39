package io.reach.measurement.ingest;

import io.reach.platform.security.OpenEndpoints;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event ingestion: batches of tracker events from servers (API keys with the {@code ingest:write}
 * scope) and browsers (public site keys, see {@link SiteKeyGate}). The path is open to the
 * security rules so a site key can reach it; the permission check still refuses anyone else.
 */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Ingestion")
class IngestController {

    private final TrackerIngestion ingestion;
    private final Senders senders;

    IngestController(TrackerIngestion ingestion, Senders senders) {
        this.ingestion = ingestion;
        this.senders = senders;
    }

    @PostMapping(path = SiteKeyGate.PATH, consumes = MediaType.ALL_VALUE)
    @RequiresPermission(resource = "ingest", action = "write")
    @Operation(
            operationId = "ingestEvents",
            summary = "A batch of tracker events (a JSON array or NDJSON, up to 10,000 events and the body limit); "
                    + "202 with accepted, stored (new), excluded (not stored: the site excludes their IP or page path) and "
                    + "rejected [{index, errors}]. From servers: an API key with ingest:write, into the site ?site_id= names "
                    + "(the workspace's default site when none; an unknown site is a 404). From browsers: ?site_key= (a public "
                    + "site key, which writes into its own site) from one of its allowed origins; the visitor's address and "
                    + "user agent then come from the request")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted; the body tells which events were stored and which were rejected")
    ResponseEntity<TrackerIngestion.Result> trackers(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(
                                        mediaType = "application/json",
                                        array =
                                                @ArraySchema(
                                                        schema = @Schema(implementation = TrackedEvent.class),
                                                        maxItems = TrackerBatches.MAX_EVENTS),
                                        examples = @ExampleObject("""
                    [{"event_id": "e-1", "session_id": "s-42", "event_type": "page_view",
                      "page_url": "https://example.com/pricing", "referrer_url": "https://news.example.org/",
                      "created_at": "2026-12-03T09:15:00Z"},
                     {"event_id": "e-2", "session_id": "s-42", "event_type": "signup", "event_value": 49.0,
                      "custom_properties": {"plan": "pro"}}]""")),
                                @Content(
                                        mediaType = "application/x-ndjson",
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        description =
                                                                "One event object (as in application/json) per line"))
                            })
                    @RequestBody
                    byte[] body,
            HttpServletRequest http,
            @AuthenticationPrincipal @Nullable Object principal,
            @RequestParam(name = "site_id", required = false) @Nullable UUID siteId) {
        if (principal instanceof SiteKeyGate.SiteKeyPrincipal key) {
            if (siteId != null && !siteId.equals(key.siteId())) {
                throw new BadRequestException(
                        "Site given twice", "A site key writes into its own site; leave out site_id");
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(ingestion.ingest(TenantContext.require(), key.siteId(), body, senders.browser(http)));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ingestion.ingest(TenantContext.require(), siteId, body, senders.of(http)));
    }

    @Bean
    static OpenEndpoints ingestionOpenEndpoints() {
        return () -> List.of(SiteKeyGate.PATH);
    }
}
