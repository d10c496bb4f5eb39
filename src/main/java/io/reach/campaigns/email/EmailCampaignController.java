package io.reach.campaigns.email;

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
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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
 * E-mail campaigns: made from a template version (or content given directly), recipients added
 * inline or as CSV, then sent in the background with progress, pausable and resumable; every
 * recipient's send is readable.
 */
@RestController
@RequestMapping("/api/v1/email-campaigns")
@Tag(name = "E-mail campaigns")
@SecurityRequirement(name = "bearer")
class EmailCampaignController extends SendingEndpoints<EmailCampaignController.EmailCampaignView> {

    private final MessageCampaigns messageCampaigns;
    private final EmailCampaigns emailCampaigns;
    private final EmailSends sends;
    private final MessageSources sources;
    private final Sending sending;
    private final EmailCarrier carrier;

    EmailCampaignController(
            MessageCampaigns messageCampaigns,
            EmailCampaigns emailCampaigns,
            EmailSends sends,
            MessageSources sources,
            Sending sending,
            TestSends tests,
            EmailCarrier carrier) {
        super(sending, tests, Channel.EMAIL);
        this.messageCampaigns = messageCampaigns;
        this.emailCampaigns = emailCampaigns;
        this.sends = sends;
        this.sources = sources;
        this.sending = sending;
        this.carrier = carrier;
    }

    record CreateEmailCampaign(
            @NotNull UUID campaignId,
            @Nullable UUID templateId,
            @Positive @Nullable Integer templateVersion,
            @Size(min = 1, max = 500) @Nullable String emailSubject,
            @Size(max = 512 * 1024) @Nullable String emailContent,
            @Size(max = 512 * 1024) @Nullable String emailText,
            @NotNull @Size(max = 255) String senderEmail,
            @Size(max = 255) @Nullable String senderName,
            @Nullable JsonNode metadata) {}

    record RecipientInput(
            @Size(max = 320) @Nullable String email,
            @Size(max = 255) @Nullable String name,
            @Nullable Map<String, @Size(max = 2000) String> variables) {}

    record RecipientList(
            @NotNull @Size(max = Recipients.MAX_RECIPIENTS) List<@NotNull @Valid RecipientInput> recipients) {}

    record EmailCampaignView(EmailCampaign emailCampaign, Sending.Progress progress) {}

    @PostMapping
    @RequiresPermission(resource = "campaign_sends", action = "write")
    @Operation(
            summary = "Create a draft e-mail campaign under a campaign, from a template's latest (or a given) version")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<EmailCampaignView> create(
            @SignedInMember UserPrincipal member,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                    {"campaign_id": "0193a0c0-0000-7000-8000-000000000002", "email_subject": "Our spring collection is here",
                     "email_content": "<p>Hello {{first_name}}, spring is here.</p>", "sender_email": "news@example.com",
                     "sender_name": "Acme"}""")))
                    @Valid
                    @RequestBody
                    CreateEmailCampaign request) {
        UUID id = messageCampaigns.createEmail(
                member,
                new MessageCampaigns.NewEmailCampaign(
                        request.campaignId(),
                        request.templateId(),
                        request.templateVersion(),
                        request.emailSubject(),
                        request.emailContent(),
                        request.emailText(),
                        request.senderEmail(),
                        request.senderName(),
                        request.metadata()));
        return ResponseEntity.created(URI.create("/api/v1/email-campaigns/" + id))
                .body(get(member, id));
    }

    @GetMapping
    @RequiresPermission(resource = "campaign_sends", action = "read")
    @Operation(summary = "E-mail campaigns, newest first (a retailer sees its own)")
    CursorPage<EmailCampaign> list(
            @SignedInMember UserPrincipal person,
            @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaignId,
            PageRequest page) {
        return CursorPage.of(
                messageCampaigns.emailPage(person, page.beforeOrEnd(), page.fetchSize(), campaignId),
                page,
                EmailCampaign::id);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(summary = "An e-mail campaign with its progress (processed of total, and rows per status)")
    @Override
    public EmailCampaignView get(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        return sending.forVisible(
                Channel.EMAIL,
                id,
                member,
                () -> new EmailCampaignView(emailCampaigns.get(id), sending.progress(Channel.EMAIL, id)));
    }

    @PostMapping(path = "/{id}/recipients", consumes = "application/json")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Add recipients (checked addresses, duplicates folded, suppressed addresses kept out)")
    Sending.Added addRecipients(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, @Valid @RequestBody RecipientList request) {
        return add(
                member,
                id,
                request.recipients().stream()
                        .map(r -> new Recipients.Given(
                                r.email(), null, r.name(), r.variables() == null ? Map.of() : r.variables()))
                        .toList());
    }

    @GetMapping("/{id}/sends")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(
            summary = "Each recipient's send: status, times, open and click counts (human and machine), bounce reason")
    CursorPage<EmailSends.EmailSend> sends(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String status,
            PageRequest page) {
        if (status != null && !EmailSends.STATUSES.contains(status)) {
            throw new InvalidRequestException(
                    "Unknown send status",
                    List.of(new FieldError("status", "is one of " + String.join(", ", EmailSends.STATUSES))));
        }
        return sending.forVisible(
                Channel.EMAIL,
                id,
                member,
                () -> CursorPage.of(
                        sends.page(id, page.afterOrStart(), page.fetchSize(), status), page, EmailSends.EmailSend::id));
    }

    @GetMapping("/{id}/sends/{sendId}")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(summary = "One recipient's send")
    EmailSends.EmailSend send(@SignedInMember UserPrincipal member, @PathVariable UUID id, @PathVariable UUID sendId) {
        return sending.forVisible(
                Channel.EMAIL,
                id,
                member,
                () -> sends.find(sendId)
                        .filter(s -> s.emailCampaignId().equals(id))
                        .orElseThrow(() -> EmailSendNotFound.forId(sendId)));
    }

    @Override
    protected TemplateContent content(UUID id) {
        EmailCampaign email = emailCampaigns.get(id);
        return EmailContent.of(
                email.emailSubject(), email.emailContent(), email.emailText(), sources.variablesOf(email.templateId()));
    }

    @Override
    protected void requireCarrier() {
        if (!carrier.configured()) {
            throw new ConflictException(
                    "No SMTP server", "Configure spring.mail.host (and credentials) to send e-mail");
        }
        carrier.requireReachableLinks();
    }
}
