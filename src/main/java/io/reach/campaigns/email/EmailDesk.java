package io.reach.campaigns.email;

import io.reach.campaigns.MessageCampaigns;
import io.reach.campaigns.MessageSources;
import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.MessageDesk;
import io.reach.campaigns.sending.Recipients;
import io.reach.campaigns.templates.Personalisation;
import io.reach.campaigns.templates.TemplateContent;
import io.reach.campaigns.templates.TemplateText;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** E-mail campaigns for the console: the same content, checks and SMTP server as the API and the sending runs. */
@Component
class EmailDesk implements MessageDesk {

    /** Where a preview's unsubscribe link points: nowhere, as the preview is nobody's message. */
    static final String PREVIEW_UNSUBSCRIBE = "#unsubscribe";

    private final EmailCampaigns emailCampaigns;
    private final EmailSends sends;
    private final MessageCampaigns messageCampaigns;
    private final MessageSources sources;
    private final EmailCarrier carrier;

    EmailDesk(
            EmailCampaigns emailCampaigns,
            EmailSends sends,
            MessageCampaigns messageCampaigns,
            MessageSources sources,
            EmailCarrier carrier) {
        this.emailCampaigns = emailCampaigns;
        this.sends = sends;
        this.messageCampaigns = messageCampaigns;
        this.sources = sources;
        this.carrier = carrier;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public UUID create(UserPrincipal person, Draft draft) {
        return messageCampaigns.createEmail(
                person,
                new MessageCampaigns.NewEmailCampaign(
                        draft.campaignId(),
                        draft.templateId(),
                        null,
                        null,
                        null,
                        null,
                        draft.sender(),
                        draft.senderName(),
                        null));
    }

    @Override
    public Summary summary(UUID id) {
        return summaryOf(emailCampaigns.get(id));
    }

    @Override
    public List<Summary> page(UserPrincipal person, UUID before, int limit) {
        return messageCampaigns.emailPage(person, before, limit, null).stream()
                .map(EmailDesk::summaryOf)
                .toList();
    }

    @Override
    public List<SendRow> sends(UUID id, UUID after, int limit, @Nullable String address) {
        return sends.page(id, after, limit, null, address).stream()
                .map(send -> new SendRow(
                        send.id(),
                        send.recipientEmail(),
                        send.recipientName(),
                        MessageDesk.variables(send.variables()),
                        send.status(),
                        send.sentAt(),
                        send.bounceReason()))
                .toList();
    }

    @Override
    public TemplateContent content(UUID id) {
        EmailCampaign email = emailCampaigns.get(id);
        return EmailContent.of(
                email.emailSubject(), email.emailContent(), email.emailText(), sources.variablesOf(email.templateId()));
    }

    @Override
    public void requireCarrier() {
        if (!carrier.configured()) {
            throw new ConflictException(
                    "No SMTP server", "Configure spring.mail.host (and credentials) to send e-mail");
        }
        carrier.requireReachableLinks();
    }

    @Override
    public Rendered render(UUID id, SendRow recipient) {
        TemplateContent content = content(id);
        Map<String, Object> values = Personalisation.values(
                content,
                recipient.variables(),
                Map.of(
                        "email",
                        recipient.address(),
                        "name",
                        recipient.name() == null ? "" : recipient.name(),
                        "unsubscribe_url",
                        PREVIEW_UNSUBSCRIBE,
                        Personalisation.PREFERENCES_URL,
                        Personalisation.preferencesUrl(recipient.variables(), PREVIEW_UNSUBSCRIBE)));
        String text = content.part("text");
        return new Rendered(
                recipient.address(),
                recipient.name(),
                TemplateText.compile(Objects.requireNonNull(content.part("subject")), false)
                        .execute(values),
                TemplateText.compile(Objects.requireNonNull(content.part("html")), true)
                        .execute(values),
                text == null ? null : TemplateText.compile(text, false).execute(values));
    }

    @Override
    public boolean sendsTests() {
        return true;
    }

    @Override
    public void sendTest(TenantId tenant, UUID id, SendRow recipient, String to) {
        if (!carrier.configured()) {
            throw new ConflictException(
                    "No SMTP server", "Configure spring.mail.host (and credentials) to send e-mail");
        }
        String address = Recipients.normalEmail(to);
        if (address == null) {
            throw new InvalidRequestException(new FieldError("to", "is not a valid e-mail address"));
        }
        carrier.sendTest(tenant, emailCampaigns.get(id), content(id), recipient, address);
    }

    private static Summary summaryOf(EmailCampaign email) {
        return new Summary(
                email.id(),
                Channel.EMAIL,
                email.emailSubject(),
                email.senderName() == null
                        ? email.senderEmail()
                        : email.senderName() + " <" + email.senderEmail() + ">",
                email.status(),
                email.totalRecipients(),
                email.createdAt(),
                email.sentAt(),
                email.completedAt());
    }
}
