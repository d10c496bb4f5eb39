package io.reach.podcasts.metrics;

import io.reach.platform.database.CopyCsv;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Download figures of podcasts and episodes, their CSV export and read-only report links. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Podcast measurement")
class MetricsController {

    private final DownloadFigures figures;
    private final ReportLinks links;

    MetricsController(DownloadFigures figures, ReportLinks links) {
        this.figures = figures;
        this.links = links;
    }

    @GetMapping("/api/v1/podcasts/{id}/downloads")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(
            summary =
                    "A podcast's downloads (IAB) over from..to (UTC days, the last 30 by default): daily requests, "
                            + "downloads, listeners and ads delivered, the requests not counted by reason, apps, devices, systems, "
                            + "countries, and each episode's downloads in its first 1, 3, 7 and 30 days and in all; with the counting window")
    DownloadFigures.Report podcast(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        return figures.podcast(id, from, to);
    }

    @GetMapping("/api/v1/episodes/{id}/downloads")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "An episode's downloads over from..to, as for a podcast")
    DownloadFigures.Report episode(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        return figures.episode(id, from, to);
    }

    @GetMapping(path = "/api/v1/podcasts/{id}/downloads.csv", produces = "text/csv")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(
            operationId = "exportPodcastDownloads",
            summary = "A podcast's (or one episode's) daily figures per episode as CSV: date, episode, requests, "
                    + "downloads, listeners, ads delivered, not counted and the reasons")
    ResponseEntity<byte[]> csv(
            @PathVariable UUID id,
            @RequestParam(name = "episode_id", required = false) @Nullable UUID episode,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        StringBuilder csv = new StringBuilder();
        CopyCsv.row(
                csv,
                "date",
                "episode_id",
                "episode",
                "requests",
                "downloads",
                "listeners",
                "ads_delivered",
                "not_counted",
                "not_counted_by_reason");
        figures.csv(id, episode, from, to, row -> CopyCsv.row(csv, row));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"downloads-" + id + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/episodes/{id}/request-rollups")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(
            summary = "An episode's requests by hour (grain=hour, at most 5,000 hours) or day (grain=day, the "
                    + "default): event count and distinct listeners, by how they were measured (api, log, prefix)")
    CursorPage<MetricsQueries.RequestRollup> requestRollups(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "day") String grain,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        if (!grain.equals("hour") && !grain.equals("day")) {
            throw new InvalidRequestException(new FieldError("grain", "is hour or day"));
        }
        return CursorPage.whole(figures.requestRollups(id, grain.equals("hour"), from, to));
    }

    @GetMapping("/api/v1/episodes/{id}/metrics-daily")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(
            summary = "An episode's daily metrics: total, average and record count of each listener metric and of "
                    + "the bytes delivered in its downloads")
    CursorPage<MetricsQueries.DailyMetric> dailyMetrics(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        return CursorPage.whole(figures.dailyMetrics(id, from, to));
    }

    record LinkInput(@Nullable UUID episodeId, @Nullable Integer expiresInDays) {}

    @PostMapping("/api/v1/podcasts/{id}/report-links")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "A read-only report link for the podcast (or one episode) that anyone with it may open "
                    + "until it expires (expires_in_days, 1 to 365, 30 by default); the path is shown once")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<ReportLinks.Link> createLink(@PathVariable UUID id, @RequestBody LinkInput input) {
        ReportLinks.Link link = links.create(id, input.episodeId(), input.expiresInDays());
        return ResponseEntity.created(URI.create(String.valueOf(link.path()))).body(link);
    }

    @GetMapping("/api/v1/podcasts/{id}/report-links")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "The podcast's report links (without their addresses)")
    CursorPage<ReportLinks.Link> listLinks(@PathVariable UUID id) {
        return CursorPage.whole(links.forPodcast(id));
    }

    @DeleteMapping("/api/v1/report-links/{id}")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Revoke a report link: it opens nothing from now on")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        links.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
