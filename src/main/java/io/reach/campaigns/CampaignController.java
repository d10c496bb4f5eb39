package io.reach.campaigns;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Campaigns: create and edit, move through status and stage, spend budget, and let retailers join. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns")
@SecurityRequirement(name = "bearer")
class CampaignController {

    private final CampaignManagement campaigns;

    CampaignController(CampaignManagement campaigns) {
        this.campaigns = campaigns;
    }

    record CampaignRequest(
            @NotNull @Size(min = 1, max = 255) String name,
            @Size(max = 10_000) @Nullable String description,
            @Nullable UUID sponsorId,
            @Nullable Instant startDate,
            @Nullable Instant endDate,

            @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) @Nullable
            BigDecimal budgetAllocated,

            @Pattern(regexp = "[A-Z]{3}") @Nullable String currency,
            @Nullable String stage,
            @Nullable JsonNode targetAudience,
            @Nullable JsonNode campaignSettings) {}

    record StatusChange(@NotNull String status) {}

    record StageChange(@NotNull String stage) {}

    record Spend(
            @NotNull @DecimalMin("0.01") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @Size(max = 1000) @Nullable String note) {}

    @PostMapping
    @RequiresPermission(resource = "campaigns", action = "write")
    @Operation(summary = "Create a draft campaign")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<CampaignView> create(
            @SignedInMember UserPrincipal member,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                    {"name": "Spring launch", "description": "Launch of the spring collection", "start_date": "2027-03-01T00:00:00Z",
                     "end_date": "2027-03-31T23:59:59Z", "budget_allocated": 5000.00, "currency": "EUR"}""")))
                    @Valid
                    @RequestBody
                    CampaignRequest request) {
        UUID id = campaigns.create(member.userId(), details(request));
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id)).body(get(id));
    }

    @PutMapping("/{id}")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(
            summary =
                    "Replace a campaign's details (not its status, stage or spend); refused once completed or archived")
    CampaignView update(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
        return CampaignView.of(campaigns.update(id, details(request)));
    }

    @GetMapping
    @RequiresPermission(resource = "campaigns", action = "read")
    @Operation(
            summary =
                    "Campaigns, newest first, optionally of one status, optionally those whose name contains name (any case)")
    CursorPage<CampaignView> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String name,
            PageRequest page) {
        CampaignStatus wanted = status == null ? null : CampaignStatus.ofCode(status);
        return CursorPage.of(
                campaigns.page(page.beforeOrEnd(), page.fetchSize(), wanted, name).stream()
                        .map(CampaignView::of)
                        .toList(),
                page,
                CampaignView::id);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    @Operation(summary = "One campaign")
    CampaignView get(@PathVariable UUID id) {
        return CampaignView.of(campaigns.get(id));
    }

    @PostMapping("/{id}/status")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(summary = "Move a campaign to another status: draft → active ⇄ paused → completed → archived")
    CampaignView changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange request) {
        return CampaignView.of(campaigns.moveTo(id, CampaignStatus.ofCode(request.status())));
    }

    @PostMapping("/{id}/stage")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(summary = "Move a campaign to another stage; stage_changed_at records when")
    CampaignView changeStage(@PathVariable UUID id, @Valid @RequestBody StageChange request) {
        return CampaignView.of(campaigns.enterStage(id, CampaignStage.ofCode(request.stage())));
    }

    @PostMapping("/{id}/spend")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(
            summary =
                    "Record a manual spend; 409 when it would exceed the allocated budget (unless the tenant allows overspend)")
    CampaignView spend(@SignedInMember UserPrincipal member, @PathVariable UUID id, @Valid @RequestBody Spend request) {
        return CampaignView.of(campaigns.spend(member.userId(), id, request.amount(), request.note()));
    }

    @GetMapping("/{id}/budget-entries")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    @Operation(summary = "Every change to the campaign's spend, newest first")
    CursorPage<Budgets.Entry> entries(@PathVariable UUID id, PageRequest page) {
        return CursorPage.of(
                campaigns.budgetEntries(id, page.beforeOrEnd(), page.fetchSize()), page, Budgets.Entry::id);
    }

    @GetMapping("/{id}/stages")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    @Operation(summary = "The stages the campaign entered (from_stage null for the opening one), newest first")
    CursorPage<StageHistory.StageChange> stages(@PathVariable UUID id, PageRequest page) {
        return CursorPage.of(
                campaigns.stageHistory(id, page.beforeOrEnd(), page.fetchSize()), page, StageHistory.StageChange::id);
    }

    @DeleteMapping("/{id}/participants/{retailerId}")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(summary = "Take a retailer off the campaign; refused once completed or archived")
    @ApiResponse(responseCode = "204", description = "Not a participant (any more)")
    ResponseEntity<Void> removeParticipant(@PathVariable UUID id, @PathVariable UUID retailerId) {
        campaigns.removeParticipant(id, retailerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/participants")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(
            operationId = "joinCampaign",
            summary = "Join an active or paused campaign as a retailer member, to send it to your own recipients "
                    + "(the answer is the caller's participation)")
    Participants.Participant join(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        return campaigns.join(member, id);
    }

    @GetMapping("/{id}/participants")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    @Operation(summary = "The retailers who joined the campaign, in the order they joined")
    CursorPage<Participants.Participant> participants(@PathVariable UUID id, PageRequest page) {
        return CursorPage.of(
                campaigns.participants(id, page.after().orElse(null), page.fetchSize()),
                page,
                Participants.Participant::retailerId);
    }

    static EditCampaign details(CampaignRequest request) {
        return new EditCampaign(
                request.name(),
                request.description(),
                request.sponsorId(),
                request.startDate(),
                request.endDate(),
                request.budgetAllocated(),
                request.currency(),
                request.stage(),
                request.targetAudience(),
                request.campaignSettings());
    }
}
