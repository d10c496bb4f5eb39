package io.reach.podcasts.downloads;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.LargeBodies;
import io.reach.podcasts.counting.MeasurementJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Access-log files uploaded for import. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Podcast measurement")
class LogImportController {

    static final String PATH = "/api/v1/podcast-measurement/log-imports";

    private final LogImports imports;

    LogImportController(LogImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = PATH, consumes = MediaType.ALL_VALUE)
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "Import an access-log file (the body: plain or gzipped, up to 64 MiB) in the background: "
                    + "format combined (nginx/Apache combined + \"$http_range\"), s3 or cloudfront; host names the audio host "
                    + "when the lines carry only paths. 202 with the job; follow /api/v1/podcast-measurement/jobs/{id}")
    @ApiResponse(responseCode = "202", description = "Queued")
    @ApiResponse(responseCode = "409", description = "This file was imported already")
    ResponseEntity<MeasurementJobs.Job> upload(
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String host,
            @RequestParam(name = "file_name", required = false) @Nullable String fileName,
            HttpServletRequest http) {
        try {
            MeasurementJobs.Job job = imports.start(format, host, fileName, http.getInputStream());
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/podcast-measurement/jobs/" + job.id()))
                    .body(job);
        } catch (IOException e) {
            throw new BadRequestException("Unreadable upload", "The file could not be read");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Bodies {

        @Bean
        LargeBodies logImportBodies() {
            return () -> Map.of(PATH, (long) LogImports.MAX_BYTES + 1024);
        }
    }
}
