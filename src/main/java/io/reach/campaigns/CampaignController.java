package io.reach.campaigns;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.identity.UserPrincipal;
import io.reach.platform.ids.Ids;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaEnforcement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Campaigns: create and edit, move through status and stage, spend budget, and let retailers join. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns")
@SecurityRequirement(name = "bearer")
class CampaignController {

    private final Campaigns campaigns;
    private final Budgets budgets;
    private final Participants participants;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;
    private final QuotaEnforcement quotas;

    CampaignController(Campaigns campaigns, Budgets budgets, Participants participants, TenantTransactions transactions,
            Ids ids, Clock clock, QuotaEnforcement quotas) {
        this.quotas = quotas;
        this.campaigns = campaigns;
        this.budgets = budgets;
        this.participants = participants;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    record CampaignRequest(@NotNull @Size(min = 1, max = 255) String name, @Size(max = 10_000) @Nullable String description,
            @Nullable UUID sponsorId, @Nullable Instant startDate, @Nullable Instant endDate,
            @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) @Nullable BigDecimal budgetAllocated,
            @Pattern(regexp = "[A-Z]{3}") @Nullable String currency, @Nullable String stage,
            @Nullable JsonNode targetAudience, @Nullable JsonNode campaignSettings) {
    }

    record StatusChange(@NotNull String status) {
    }

    record StageChange(@NotNull String stage) {
    }

    record Spend(@NotNull @DecimalMin("0.01") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @Size(max = 1000) @Nullable String note) {
    }

    @PostMapping
    @RequiresPermission(resource = "campaigns", action = "write")
    @Operation(summary = "Create a draft campaign")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Campaign> create(@AuthenticationPrincipal @Nullable UserPrincipal principal,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject("""
                    {"name": "Spring launch", "description": "Launch of the spring collection", "start_date": "2027-03-01T00:00:00Z",
                     "end_date": "2027-03-31T23:59:59Z", "budget_allocated": 5000.00, "currency": "EUR"}""")))
            @Valid @RequestBody CampaignRequest request) {
        UUID by = People.of(principal).userId();
        Instant now = clock.instant();
        Campaign campaign = new Campaign(ids.next(), request.sponsorId(), request.name(), request.description(),
                CampaignStatus.DRAFT, stageOf(request, CampaignStage.PLANNING), now, request.startDate(),
                dates(request).endDate(), amount(request.budgetAllocated()), BigDecimal.ZERO.setScale(2),
                request.currency() == null ? "USD" : request.currency(), CampaignSettings.audience(request.targetAudience()),
                CampaignSettings.settings(request.campaignSettings()), by, now, now);
        transactions.inTransaction(() -> {
            quotas.admit(Quota.CAMPAIGNS, 1);
            campaigns.insert(campaign);
        });
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(get(campaign.id()));
    }

    @PutMapping("/{id}")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(summary = "Replace a campaign's details (not its status, stage or spend); refused once completed or archived")
    Campaign update(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
        dates(request);
        return transactions.inTransaction(() -> {
            Campaign current = campaigns.lock(id);
            current.requireEditable();
            BigDecimal allocated = amount(request.budgetAllocated());
            if (allocated.compareTo(current.budgetSpent()) < 0) {
                throw new InvalidRequestException(new FieldError("budget_allocated",
                        "must not be below what is already spent (" + current.budgetSpent() + ")"));
            }
            Instant now = clock.instant();
            Campaign staged = current.enterStage(stageOf(request, current.stage()), now);
            campaigns.update(new Campaign(id, request.sponsorId(), request.name(), request.description(), current.status(),
                    staged.stage(), staged.stageChangedAt(), request.startDate(), request.endDate(), allocated,
                    current.budgetSpent(), request.currency() == null ? current.currency() : request.currency(),
                    CampaignSettings.audience(request.targetAudience()),
                    CampaignSettings.settings(request.campaignSettings()), current.createdBy(), current.createdAt(), now));
            return campaigns.get(id);
        });
    }

    @GetMapping
    @RequiresPermission(resource = "campaigns", action = "read")
    @Operation(summary = "Campaigns, newest first, optionally of one status")
    CursorPage<Campaign> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        CampaignStatus wanted = status == null ? null : CampaignStatus.ofCode(status);
        return transactions.inTransaction(() -> CursorPage.of(campaigns.page(page.beforeOrEnd(), page.fetchSize(), wanted),
                page, Campaign::id));
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    @Operation(summary = "One campaign")
    Campaign get(@PathVariable UUID id) {
        return transactions.inTransaction(() -> campaigns.get(id));
    }

    @PostMapping("/{id}/status")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(summary = "Move a campaign to another status: draft → active ⇄ paused → completed → archived")
    Campaign changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange request) {
        CampaignStatus next = CampaignStatus.ofCode(request.status());
        return transactions.inTransaction(() -> {
            campaigns.update(campaigns.lock(id).moveTo(next, clock.instant()));
            return campaigns.get(id);
        });
    }

    @PostMapping("/{id}/stage")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(summary = "Move a campaign to another stage; stage_changed_at records when")
    Campaign changeStage(@PathVariable UUID id, @Valid @RequestBody StageChange request) {
        CampaignStage next = CampaignStage.ofCode(request.stage());
        return transactions.inTransaction(() -> {
            campaigns.update(campaigns.lock(id).enterStage(next, clock.instant()));
            return campaigns.get(id);
        });
    }

    @PostMapping("/{id}/spend")
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    @Operation(summary = "Record a manual spend; 409 when it would exceed the allocated budget (unless the tenant allows overspend)")
    Campaign spend(@AuthenticationPrincipal @Nullable UserPrincipal principal, @PathVariable UUID id,
            @Valid @RequestBody Spend request) {
        UUID by = People.of(principal).userId();
        return transactions.inTransaction(() -> {
            campaigns.get(id).requireEditable();
            budgets.spend(id, request.amount(), request.note(), by);
            return campaigns.get(id);
        });
    }

    @GetMapping("/{id}/budget-entries")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    @Operation(summary = "Every change to the campaign's spend, newest first")
    CursorPage<Budgets.Entry> entries(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> {
            campaigns.get(id);
            return CursorPage.of(budgets.entries(id, page.beforeOrEnd(), page.fetchSize()), page, Budgets.Entry::id);
        });
    }

    @PostMapping("/{id}/participants")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(operationId = "joinCampaign", summary = "Join an active or paused campaign as a retailer member, to send it to your own recipients "
            + "(the answer is the caller's participation)")
    Participants.Participant join(@AuthenticationPrincipal @Nullable UserPrincipal principal, @PathVariable UUID id) {
        UserPrincipal retailer = People.of(principal);
        if (!retailer.role().equals("retailer")) {
            throw new AccessDeniedException("Only retailer members join campaigns");
        }
        return transactions.inTransaction(() -> {
            Campaign campaign = campaigns.get(id);
            if (campaign.status() != CampaignStatus.ACTIVE && campaign.status() != CampaignStatus.PAUSED) {
                throw new io.reach.platform.web.ConflictException("Not allowed now",
                        "Only active or paused campaigns can be joined (this one is " + campaign.status().code() + ")");
            }
            participants.join(id, retailer.userId(), clock.instant());
            return participants.of(id, retailer.userId());
        });
    }

    @GetMapping("/{id}/participants")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    @Operation(summary = "The retailers who joined the campaign, in the order they joined")
    CursorPage<Participants.Participant> participants(@PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> {
            campaigns.get(id);
            return CursorPage.of(participants.of(id, page.after().orElse(null), page.fetchSize()), page,
                    Participants.Participant::retailerId);
        });
    }

    private static CampaignStage stageOf(CampaignRequest request, CampaignStage otherwise) {
        return request.stage() == null ? otherwise : CampaignStage.ofCode(request.stage());
    }

    private static CampaignRequest dates(CampaignRequest request) {
        if (request.startDate() != null && request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            throw new InvalidRequestException(new FieldError("end_date", "must not be before start_date"));
        }
        return request;
    }

    private static BigDecimal amount(@Nullable BigDecimal given) {
        return (given == null ? BigDecimal.ZERO : given).setScale(2);
    }
}
