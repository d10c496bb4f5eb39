package io.reach.podcasts.downloads;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.LargeBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
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

/** Download logs sent by hosts and CDNs (API keys with the {@code ingest:write} scope). */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Podcast measurement")
class DownloadIngestController {

    static final String PATH = "/api/v1/ingest/downloads";

    private final DownloadIngestion ingestion;

    DownloadIngestController(DownloadIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping(path = PATH, consumes = MediaType.ALL_VALUE)
    @RequiresPermission(resource = "ingest", action = "write")
    @Operation(
            operationId = "ingestDownloads",
            summary =
                    "Lines of a download log (a JSON array or NDJSON, up to 10,000 lines): one request each, with time "
                            + "(ISO-8601 or epoch seconds, any age within the two-year retention), ip, user_agent, method (GET when "
                            + "left out), status, range (the Range header as sent), bytes (the bytes served), episode (id, guid or "
                            + "audio address) and referrer. 202 with accepted, stored and rejected [{index, errors}]. Every "
                            + "request is stored as received and counted by the IAB rules afterwards; the address is "
                            + "never stored")
    @ApiResponse(responseCode = "202", description = "Stored; the body tells which lines were refused and why")
    ResponseEntity<io.reach.platform.web.BatchAnswer> downloads(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(mediaType = "application/json", examples = @ExampleObject("""
                    [{"time": "2026-11-30T07:12:03Z", "ip": "203.0.113.7",
                      "user_agent": "AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; en_us)",
                      "method": "GET", "status": 206, "range": "bytes=0-", "bytes": 14233016,
                      "episode": "https://cdn.example.com/show/ep-42.mp3", "referrer": null}]""")),
                                @Content(
                                        mediaType = "application/x-ndjson",
                                        schema = @Schema(type = "string", description = "One line object per line"))
                            })
                    @RequestBody
                    String body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ingestion.ingest(TenantContext.require(), body));
    }

    @Configuration(proxyBeanMethods = false)
    static class Bodies {

        @Bean
        LargeBodies downloadLogBodies() {
            return () -> Map.of(PATH, 16L * 1024 * 1024);
        }
    }
}
