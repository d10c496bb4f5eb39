package io.reach.campaigns.sms;

import io.reach.campaigns.MessageCampaigns;
import io.reach.campaigns.MessageSources;
import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.Recipients;
import io.reach.campaigns.sending.Sending;
import io.reach.campaigns.sending.SendingEndpoints;
import io.reach.campaigns.sending.TestSends;
import io.reach.campaigns.templates.TemplateContent;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * SMS campaigns: a body (from an SMS template or given), a sender number, recipients with E.164
 * numbers; the segment count and encoding show before sending; sends are tracked by the
 * provider's status callbacks.
 */
@RestController
@RequestMapping("/api/v1/sms-campaigns")
@Tag(name = "SMS campaigns")
@SecurityRequirement(name = "bearer")
class SmsCampaignController extends SendingEndpoints<SmsCampaignController.SmsCampaignView> {

    private final MessageCampaigns messageCampaigns;
    private final SmsCampaigns smsCampaigns;
    private final MessageSources sources;
    private final Sending sending;
    private final TwilioCarrier carrier;

    SmsCampaignController(
            MessageCampaigns messageCampaigns,
            SmsCampaigns smsCampaigns,
            MessageSources sources,
            Sending sending,
            TestSends tests,
            TwilioCarrier carrier) {
        super(sending, tests, Channel.SMS);
        this.messageCampaigns = messageCampaigns;
        this.smsCampaigns = smsCampaigns;
        this.sources = sources;
        this.sending = sending;
        this.carrier = carrier;
    }

    record CreateSmsCampaign(
            @NotNull UUID campaignId,
            @Nullable UUID templateId,
            @Positive @Nullable Integer templateVersion,
            @Size(min = 1, max = 1600) @Nullable String smsContent,
            @NotNull String senderNumber,
            @Nullable JsonNode metadata) {}

    record RecipientInput(
            @Size(max = 32) @Nullable String phone,
            @Size(max = 255) @Nullable String name,
            @Nullable Map<String, @Size(max = 2000) String> variables) {}

    record RecipientList(
            @NotNull @Size(max = Recipients.MAX_RECIPIENTS) List<@NotNull @Valid RecipientInput> recipients) {}

    record SmsCampaignView(SmsCampaign smsCampaign, SmsSegments segments, Sending.Progress progress) {}

    record Body(@NotNull @Size(max = 1600) String body) {}

    @PostMapping
    @RequiresPermission(resource = "campaign_sends", action = "write")
    @Operation(summary = "Create a draft SMS campaign under a campaign, from an SMS template or a given body")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<SmsCampaignView> create(
            @SignedInMember UserPrincipal member, @Valid @RequestBody CreateSmsCampaign request) {
        UUID id = messageCampaigns.createSms(
                member,
                new MessageCampaigns.NewSmsCampaign(
                        request.campaignId(),
                        request.templateId(),
                        request.templateVersion(),
                        request.smsContent(),
                        request.senderNumber(),
                        request.metadata()));
        return ResponseEntity.created(URI.create("/api/v1/sms-campaigns/" + id)).body(get(member, id));
    }

    @PostMapping("/segments")
    @RequiresPermission(resource = "campaign_sends", action = "read")
    @Operation(
            operationId = "countSmsSegments",
            summary = "How many segments a body takes, and in which encoding (GSM-7 or UCS-2)")
    SmsSegments segments(@Valid @RequestBody Body request) {
        return SmsSegments.of(request.body());
    }

    @GetMapping
    @RequiresPermission(resource = "campaign_sends", action = "read")
    @Operation(summary = "SMS campaigns, newest first (a retailer sees its own)")
    CursorPage<SmsCampaign> list(
            @SignedInMember UserPrincipal person,
            @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaignId,
            PageRequest page) {
        return CursorPage.of(
                messageCampaigns.smsPage(person, page.beforeOrEnd(), page.fetchSize(), campaignId),
                page,
                SmsCampaign::id);
    }

    @Override
    @GetMapping("/{id}")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(summary = "An SMS campaign with its segments and progress")
    public SmsCampaignView get(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        return sending.forVisible(Channel.SMS, id, member, () -> {
            SmsCampaign sms = smsCampaigns.get(id);
            return new SmsCampaignView(sms, sms.segments(), sending.progress(Channel.SMS, id));
        });
    }

    @PostMapping(path = "/{id}/recipients", consumes = "application/json")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Add recipients (E.164 numbers, duplicates folded, numbers that replied STOP kept out)")
    Sending.Added addRecipients(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, @Valid @RequestBody RecipientList request) {
        return add(
                member,
                id,
                request.recipients().stream()
                        .map(r -> new Recipients.Given(
                                null, r.phone(), r.name(), r.variables() == null ? Map.of() : r.variables()))
                        .toList());
    }

    @GetMapping("/{id}/sends")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(summary = "Each recipient's send: status, provider id, segments, times, failure reason")
    CursorPage<SmsCampaigns.SmsSend> sends(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, PageRequest page) {
        return sending.forVisible(
                Channel.SMS,
                id,
                member,
                () -> CursorPage.of(
                        smsCampaigns.sends(id, page.afterOrStart(), page.fetchSize(), null),
                        page,
                        SmsCampaigns.SmsSend::id));
    }

    @GetMapping("/{id}/sends/{sendId}")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(summary = "One recipient's send")
    SmsCampaigns.SmsSend send(@SignedInMember UserPrincipal member, @PathVariable UUID id, @PathVariable UUID sendId) {
        return sending.forVisible(
                Channel.SMS,
                id,
                member,
                () -> smsCampaigns.sends(id, new UUID(0, 0), 1, sendId).stream()
                        .findFirst()
                        .orElseThrow(() -> SmsSendNotFound.forId(sendId)));
    }

    @Override
    protected void requireCarrier() {
        if (!carrier.configured()) {
            throw new ConflictException("No SMS provider", "Configure reach.campaigns.sms.account-sid and auth-token");
        }
    }

    @Override
    protected TemplateContent content(UUID id) {
        SmsCampaign sms = smsCampaigns.get(id);
        return SmsContent.of(sms.smsContent(), sources.variablesOf(sms.templateId()));
    }
}
