package io.reach.podcasts.counting;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How downloads are counted: settings, IP lists, spikes, ads placed, recounts, and why each request counted or not. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Podcast measurement")
class MeasurementController {

    private final PodcastMeasurement measurement;
    private final Recounts recounts;
    private final DownloadCounting counting;
    private final MeasurementJobsView jobs;

    MeasurementController(
            PodcastMeasurement measurement, Recounts recounts, DownloadCounting counting, MeasurementJobsView jobs) {
        this.measurement = measurement;
        this.recounts = recounts;
        this.counting = counting;
        this.jobs = jobs;
    }

    @GetMapping("/api/v1/podcast-measurement/settings")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(
            summary = "How the workspace counts downloads: the window (disclosed with every figure), the spike rule, "
                    + "how long household keys are kept")
    PodcastMeasurement.SettingsView settings() {
        return measurement.settings();
    }

    @PutMapping("/api/v1/podcast-measurement/settings")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "Change the counting window (utc_day, rolling_first_touch, rolling_last_touch), the spike rule "
                    + "or the household retention; days already counted keep their window until recounted")
    PodcastMeasurement.SettingsView changeSettings(@RequestBody PodcastMeasurement.SettingsInput input) {
        return measurement.changeSettings(input);
    }

    @PostMapping("/api/v1/podcast-measurement/recounts")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "Count the days from..to again (at most 800) with today's lists and settings, in the "
                    + "background; follow the job for its progress")
    @ApiResponse(responseCode = "202", description = "Queued")
    ResponseEntity<MeasurementJobs.Job> recount(@RequestBody RecountInput input) {
        LocalDate from = input.from();
        LocalDate to = input.to();
        if (from == null || to == null) {
            throw new InvalidRequestException(new FieldError(from == null ? "from" : "to", "is required (YYYY-MM-DD)"));
        }
        MeasurementJobs.Job job = recounts.start(from, to);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/podcast-measurement/jobs/" + job.id()))
                .body(job);
    }

    record RecountInput(@Nullable LocalDate from, @Nullable LocalDate to) {}

    @GetMapping("/api/v1/podcast-measurement/jobs")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "Recent log imports and recounts, newest first, with their progress")
    CursorPage<MeasurementJobs.Job> jobs() {
        return CursorPage.whole(jobs.recent());
    }

    @GetMapping("/api/v1/podcast-measurement/jobs/{id}")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "A log import or recount and how far it is")
    MeasurementJobs.Job job(@PathVariable UUID id) {
        return jobs.find(id);
    }

    @GetMapping("/api/v1/podcast-measurement/ip-lists")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "The workspace's IP exclusion lists with their versions")
    CursorPage<IpLists.IpList> ipLists() {
        return CursorPage.whole(measurement.ipLists());
    }

    @PostMapping("/api/v1/podcast-measurement/ip-lists")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary =
                    "A new IP exclusion list: name, description, entries [{network, note}] (addresses or CIDR "
                            + "networks, up to 100,000); requests from them are not counted from the next count (recount past days)")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<PodcastMeasurement.IpListView> createIpList(@RequestBody PodcastMeasurement.IpListInput input) {
        PodcastMeasurement.IpListView created = measurement.createIpList(input);
        return ResponseEntity.created(URI.create(
                        "/api/v1/podcast-measurement/ip-lists/" + created.list().id()))
                .body(created);
    }

    @GetMapping("/api/v1/podcast-measurement/ip-lists/{id}")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "An IP list with its entries")
    PodcastMeasurement.IpListView ipList(@PathVariable UUID id) {
        return measurement.ipList(id);
    }

    @PutMapping("/api/v1/podcast-measurement/ip-lists/{id}")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Replace an IP list's name, description and entries (its version goes up by one)")
    PodcastMeasurement.IpListView replaceIpList(
            @PathVariable UUID id, @RequestBody PodcastMeasurement.IpListInput input) {
        return measurement.replaceIpList(id, input);
    }

    @DeleteMapping("/api/v1/podcast-measurement/ip-lists/{id}")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Delete an IP list")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> deleteIpList(@PathVariable UUID id) {
        measurement.deleteIpList(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/podcast-measurement/anomalies")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(
            summary =
                    "Spikes: households that requested faster than the rule in an hour (status open, excluded or dismissed)")
    CursorPage<Anomalies.Anomaly> anomalies(@RequestParam(required = false) @Nullable String status) {
        return CursorPage.whole(measurement.anomalies(status));
    }

    @PostMapping("/api/v1/podcast-measurement/anomalies/{id}/exclude")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Exclude a spike's household from its first hour on (recount the days before the next count)")
    Anomalies.Anomaly exclude(@PathVariable UUID id) {
        return measurement.decide(id, true);
    }

    @PostMapping("/api/v1/podcast-measurement/anomalies/{id}/dismiss")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Keep counting a spike's household (it was real listening)")
    Anomalies.Anomaly dismiss(@PathVariable UUID id) {
        return measurement.decide(id, false);
    }

    @GetMapping("/api/v1/episodes/{id}/ad-units")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "The ads placed in an episode")
    CursorPage<AdUnits.AdUnit> adUnits(@PathVariable UUID id) {
        return CursorPage.whole(measurement.adUnits(id));
    }

    @PostMapping("/api/v1/episodes/{id}/ad-units")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "Place an ad: unit_type pre, mid or post; position_seconds and duration_seconds; insertion "
                    + "baked_in (delivered when the download reaches into it) or dynamic (delivered only whole)")
    @ApiResponse(responseCode = "201", description = "Placed")
    ResponseEntity<AdUnits.AdUnit> placeAd(@PathVariable UUID id, @RequestBody PodcastMeasurement.AdUnitInput input) {
        AdUnits.AdUnit placed = measurement.placeAd(id, input);
        return ResponseEntity.created(URI.create("/api/v1/ad-units/" + placed.id()))
                .body(placed);
    }

    @PutMapping("/api/v1/ad-units/{id}")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Change a placed ad")
    AdUnits.AdUnit changeAd(@PathVariable UUID id, @RequestBody PodcastMeasurement.AdUnitInput input) {
        return measurement.changeAd(id, input);
    }

    @DeleteMapping("/api/v1/ad-units/{id}")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Remove a placed ad")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> removeAd(@PathVariable UUID id) {
        measurement.removeAd(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/episodes/{id}/requests")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(
            summary = "Every request for the episode on a UTC day (at most 1,000) and why it counted or not, by "
                    + "today's lists and window: to reconcile with a host's own log")
    CursorPage<DownloadCounting.Verdict> requests(@PathVariable UUID id, @RequestParam LocalDate day) {
        if (!measurement.episodeExists(id)) {
            throw new NotFoundException("Episode", id);
        }
        return CursorPage.whole(counting.explain(TenantContext.require(), id, day, 1_000));
    }
}
