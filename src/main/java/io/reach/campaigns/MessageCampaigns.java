package io.reach.campaigns;

import io.reach.campaigns.email.EmailCampaign;
import io.reach.campaigns.email.EmailCampaigns;
import io.reach.campaigns.email.EmailContent;
import io.reach.campaigns.sending.MessageCampaignStatus;
import io.reach.campaigns.sending.Recipients;
import io.reach.campaigns.sending.Sending;
import io.reach.campaigns.sms.SmsCampaign;
import io.reach.campaigns.sms.SmsCampaigns;
import io.reach.campaigns.sms.SmsContent;
import io.reach.campaigns.templates.StoredTemplate;
import io.reach.campaigns.templates.TemplateType;
import io.reach.campaigns.templates.Templates;
import io.reach.identity.UserPrincipal;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * E-mail and SMS campaigns share their rules: a checked sender, made under a campaign the person may
 * send (a retailer only under one it joined, and then as that retailer), from a usable template of the
 * channel's type or content given directly, checked before it is stored as a draft; a retailer lists
 * only its own.
 */
@Service
public class MessageCampaigns {

    private final EmailCampaigns emailCampaigns;
    private final SmsCampaigns smsCampaigns;
    private final Templates templates;
    private final Sending sending;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    MessageCampaigns(
            EmailCampaigns emailCampaigns,
            SmsCampaigns smsCampaigns,
            Templates templates,
            Sending sending,
            TenantTransactions transactions,
            Ids ids,
            Clock clock) {
        this.emailCampaigns = emailCampaigns;
        this.smsCampaigns = smsCampaigns;
        this.templates = templates;
        this.sending = sending;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new e-mail campaign: content given here wins over the template's part of the same name. */
    public record NewEmailCampaign(
            UUID campaignId,
            @Nullable UUID templateId,
            @Nullable Integer templateVersion,
            @Nullable String subject,
            @Nullable String html,
            @Nullable String text,
            String senderEmail,
            @Nullable String senderName,
            @Nullable JsonNode metadata) {}

    /** A new SMS campaign: a body given here wins over the template's. */
    public record NewSmsCampaign(
            UUID campaignId,
            @Nullable UUID templateId,
            @Nullable Integer templateVersion,
            @Nullable String body,
            String senderNumber,
            @Nullable JsonNode metadata) {}

    public UUID createEmail(UserPrincipal person, NewEmailCampaign request) {
        String sender = Recipients.normalEmail(request.senderEmail());
        if (sender == null) {
            throw new InvalidRequestException(new FieldError("sender_email", "is not a valid e-mail address"));
        }
        UUID id = ids.next();
        transactions.inTransaction(() -> {
            UUID retailer = sending.retailerFor(person, request.campaignId());
            StoredTemplate template = template(request.templateId(), request.templateVersion(), TemplateType.EMAIL);
            String subject = request.subject() != null ? request.subject() : part(template, "subject");
            String html = request.html() != null ? request.html() : part(template, "html");
            String text = request.text() != null ? request.text() : part(template, "text");
            if (subject == null || html == null) {
                throw new InvalidRequestException(
                        new FieldError("template_id", "give a template, or email_subject and email_content"));
            }
            EmailContent.of(
                    subject,
                    html,
                    text,
                    template == null ? null : template.templateContent().path("variables"));
            Instant now = clock.instant();
            emailCampaigns.insert(new EmailCampaign(
                    id,
                    request.campaignId(),
                    template == null ? null : template.id(),
                    subject,
                    html,
                    text,
                    sender,
                    request.senderName(),
                    MessageCampaignStatus.DRAFT,
                    person.userId(),
                    retailer,
                    now,
                    now,
                    null,
                    null,
                    0,
                    metadata(request.metadata())));
        });
        return id;
    }

    public UUID createSms(UserPrincipal person, NewSmsCampaign request) {
        String sender = Recipients.normalPhone(request.senderNumber());
        if (sender == null) {
            throw new InvalidRequestException(new FieldError("sender_number", "is not an E.164 number"));
        }
        UUID id = ids.next();
        transactions.inTransaction(() -> {
            UUID retailer = sending.retailerFor(person, request.campaignId());
            StoredTemplate template = template(request.templateId(), request.templateVersion(), TemplateType.SMS);
            String body = request.body() != null ? request.body() : part(template, "body");
            if (body == null) {
                throw new InvalidRequestException(new FieldError("template_id", "give an SMS template or sms_content"));
            }
            SmsContent.of(
                    body, template == null ? null : template.templateContent().path("variables"));
            Instant now = clock.instant();
            smsCampaigns.insert(new SmsCampaign(
                    id,
                    request.campaignId(),
                    template == null ? null : template.id(),
                    body,
                    sender,
                    MessageCampaignStatus.DRAFT,
                    person.userId(),
                    retailer,
                    now,
                    now,
                    null,
                    null,
                    0,
                    metadata(request.metadata())));
        });
        return id;
    }

    public List<EmailCampaign> emailPage(UserPrincipal person, UUID before, int limit, @Nullable UUID campaignId) {
        UUID retailer = Sending.isRetailer(person) ? person.userId() : null;
        return transactions.inTransaction(() -> emailCampaigns.page(before, limit, campaignId, retailer));
    }

    public List<SmsCampaign> smsPage(UserPrincipal person, UUID before, int limit, @Nullable UUID campaignId) {
        UUID retailer = Sending.isRetailer(person) ? person.userId() : null;
        return transactions.inTransaction(() -> smsCampaigns.page(before, limit, campaignId, retailer));
    }

    private @Nullable StoredTemplate template(@Nullable UUID templateId, @Nullable Integer version, TemplateType type) {
        return templateId == null ? null : templates.usable(templateId, version, type);
    }

    private static @Nullable String part(@Nullable StoredTemplate template, String part) {
        return template == null ? null : template.content().part(part);
    }

    private static JsonNode metadata(@Nullable JsonNode given) {
        if (given == null || given.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!given.isObject() || given.toString().length() > 16_384) {
            throw new InvalidRequestException(
                    new FieldError("metadata", "must be a JSON object of at most 16384 characters"));
        }
        return given;
    }
}
