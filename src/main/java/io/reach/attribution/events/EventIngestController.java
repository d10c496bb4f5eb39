package io.reach.attribution.events;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.LargeBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Conversions and touches sent server to server (API keys with the {@code ingest:write} scope). */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Attribution")
class EventIngestController {

    static final String CONVERSIONS = "/api/v1/ingest/conversions";
    static final String TOUCHES = "/api/v1/ingest/touches";

    private final EventIngestion ingestion;

    EventIngestController(EventIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping(path = CONVERSIONS, consumes = MediaType.ALL_VALUE)
    @RequiresPermission(resource = "ingest", action = "write")
    @Operation(
            operationId = "ingestConversions",
            summary = "Conversions (a JSON array or NDJSON, up to 10,000 lines): occurred_at (historical accepted), "
                    + "action (view, signup, lead, purchase, custom), value with currency, order_id, discount_code, "
                    + "visitor, ip, user_agent, referrer, utm_source/medium/campaign/term/content, campaign; other keys "
                    + "with plain values are kept as metadata. 202 with accepted, stored and rejected [{index, errors}]; "
                    + "the address becomes a household key and is not stored")
    @ApiResponse(responseCode = "202", description = "Stored; the body tells which lines were refused and why")
    ResponseEntity<io.reach.platform.web.BatchAnswer> conversions(@RequestBody String body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ingestion.ingest(TenantContext.require(), EventKind.CONVERSION, body));
    }

    @PostMapping(path = TOUCHES, consumes = MediaType.ALL_VALUE)
    @RequiresPermission(resource = "ingest", action = "write")
    @Operation(
            operationId = "ingestTouches",
            summary = "Touches from channels Reach does not run (a JSON array or NDJSON, up to 10,000 lines): "
                    + "occurred_at, channel, visitor and/or ip, user_agent, referrer, utm_*, campaign, podcast, "
                    + "episode, sponsor; other keys with plain values are kept as metadata")
    @ApiResponse(responseCode = "202", description = "Stored; the body tells which lines were refused and why")
    ResponseEntity<io.reach.platform.web.BatchAnswer> touches(@RequestBody String body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ingestion.ingest(TenantContext.require(), EventKind.TOUCH, body));
    }

    @Configuration(proxyBeanMethods = false)
    static class Bodies {

        @Bean
        LargeBodies attributionEventBodies() {
            return () -> Map.of(CONVERSIONS, 16L * 1024 * 1024, TOUCHES, 16L * 1024 * 1024);
        }
    }
}
