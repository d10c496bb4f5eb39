package io.reach.attribution.results;

import io.reach.attribution.results.StoredAnalysis.CampaignDay;
import io.reach.attribution.results.StoredAnalysis.StoredPath;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns' attribution settings, and analyses: started in the background, their stored paths and daily analytics. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Attribution")
class AnalysisController {

    private static final String ANALYSES = "/api/v1/attribution/analyses";

    private final AttributionAnalysis analysis;
    private final LiftAnalysis lift;

    AnalysisController(AttributionAnalysis analysis, LiftAnalysis lift) {
        this.analysis = analysis;
        this.lift = lift;
    }

    /** Who asks for a group: a listener's address, or a visitor key. */
    record AssignmentRequest(@Nullable String ip, @Nullable String visitor) {}

    @PostMapping("/api/v1/attribution/campaigns/{id}/assignment")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(
            summary = "The group (exposed or holdout) a listener's address or a visitor is in for the campaign, by"
                    + " deterministic hashing: for an ad server choosing the campaign's ad or a public-service one")
    LiftAnalysis.Assignment assignment(@PathVariable UUID id, @RequestBody AssignmentRequest request) {
        return lift.assignment(id, request.ip(), request.visitor());
    }

    @GetMapping("/api/v1/attribution/lift")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(
            summary = "A campaign's lift over from..to: its reached households' conversion rate against its holdout's"
                    + " (holdout_share > 0) or against a baseline period's (baseline_from..baseline_to, by default the"
                    + " as-long period before), with a 95 % interval")
    LiftAnalysis.Lift lift(
            @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaign,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookbackDays,
            @RequestParam(name = "baseline_from", required = false) @Nullable LocalDate baselineFrom,
            @RequestParam(name = "baseline_to", required = false) @Nullable LocalDate baselineTo) {
        return lift.lift(campaign, from, to, lookbackDays, baselineFrom, baselineTo);
    }

    @GetMapping("/api/v1/attribution/campaigns/{id}/settings")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(summary = "A campaign's lookback (1-60 days, default 30) and whether it excludes prior customers")
    CampaignRules.Settings settings(@PathVariable UUID id) {
        return analysis.settings(id);
    }

    @PutMapping("/api/v1/attribution/campaigns/{id}/settings")
    @RequiresPermission(resource = "attribution", action = "write")
    @Operation(summary = "Set a campaign's lookback_days and exclude_prior_customers")
    CampaignRules.Settings saveSettings(@PathVariable UUID id, @RequestBody CampaignRules.SettingsInput input) {
        return analysis.saveSettings(id, input);
    }

    @PostMapping(ANALYSES)
    @RequiresPermission(resource = "attribution", action = "write")
    @Operation(
            summary = "Analyse from..to in the background: store each attributed conversion's path and each campaign's"
                    + " day (cost, and per model conversions, revenue, CPA, ROAS); progress on the returned job")
    @ApiResponse(responseCode = "202", description = "Queued")
    ResponseEntity<AnalysisJobs.Job> start(@RequestBody AttributionAnalysis.AnalysisInput input) {
        AnalysisJobs.Job job = analysis.start(input);
        return ResponseEntity.accepted()
                .location(URI.create(ANALYSES + "/" + job.id()))
                .body(job);
    }

    @GetMapping(ANALYSES)
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(summary = "The latest analyses with their progress")
    CursorPage<AnalysisJobs.Job> analyses() {
        return CursorPage.whole(analysis.recentJobs());
    }

    @GetMapping(ANALYSES + "/{id}")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(summary = "An analysis and its progress (days done of total, paths stored)")
    AnalysisJobs.Job job(@PathVariable UUID id) {
        return analysis.job(id);
    }

    @GetMapping("/api/v1/attribution/analytics")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(summary = "Stored daily analytics per campaign (from, to; optionally one campaign_id)")
    CursorPage<CampaignDay> analytics(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaign) {
        return CursorPage.whole(analysis.analytics(from, to, campaign));
    }

    @GetMapping("/api/v1/attribution/stored-paths")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(summary = "Stored paths of attributed conversions (from, to; optionally one campaign_id; limit ≤ 10000)")
    CursorPage<StoredPath> paths(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaign,
            @RequestParam(defaultValue = "1000") int limit) {
        return CursorPage.whole(analysis.paths(from, to, campaign, limit));
    }
}
