package io.reach.measurement;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Event ingestion: batches of tracker events from servers (API keys with the {@code ingest:write} scope). */
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

    @PostMapping(path = "/api/v1/ingest/trackers", consumes = MediaType.ALL_VALUE)
    @RequiresPermission(resource = "ingest", action = "write")
    @Operation(summary = "A batch of tracker events (a JSON array or NDJSON, up to 10,000 events and the body limit); "
            + "202 with accepted, stored (new) and rejected [{index, errors}]")
    ResponseEntity<TrackerIngestion.Result> trackers(@RequestBody String body, HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ingestion.ingest(TenantContext.require(), body, senders.of(http)));
    }
}
