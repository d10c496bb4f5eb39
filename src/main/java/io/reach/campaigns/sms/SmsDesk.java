package io.reach.campaigns.sms;

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

/** SMS campaigns for the console: the same body, checks and provider as the API and the sending runs. */
@Component
class SmsDesk implements MessageDesk {

    private final SmsCampaigns smsCampaigns;
    private final MessageCampaigns messageCampaigns;
    private final MessageSources sources;
    private final TwilioCarrier carrier;

    SmsDesk(
            SmsCampaigns smsCampaigns,
            MessageCampaigns messageCampaigns,
            MessageSources sources,
            TwilioCarrier carrier) {
        this.smsCampaigns = smsCampaigns;
        this.messageCampaigns = messageCampaigns;
        this.sources = sources;
        this.carrier = carrier;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public UUID create(UserPrincipal person, Draft draft) {
        return messageCampaigns.createSms(
                person,
                new MessageCampaigns.NewSmsCampaign(
                        draft.campaignId(), draft.templateId(), null, null, draft.sender(), null));
    }

    @Override
    public Summary summary(UUID id) {
        return summaryOf(smsCampaigns.get(id));
    }

    @Override
    public List<Summary> page(UserPrincipal person, UUID before, int limit) {
        return messageCampaigns.smsPage(person, before, limit, null).stream()
                .map(SmsDesk::summaryOf)
                .toList();
    }

    @Override
    public List<SendRow> sends(UUID id, UUID after, int limit, @Nullable String address) {
        return smsCampaigns.sends(id, after, limit, null, address).stream()
                .map(send -> new SendRow(
                        send.id(),
                        send.recipientPhone(),
                        send.recipientName(),
                        MessageDesk.variables(send.variables()),
                        send.status(),
                        send.sentAt(),
                        send.failureReason()))
                .toList();
    }

    @Override
    public TemplateContent content(UUID id) {
        SmsCampaign sms = smsCampaigns.get(id);
        return SmsContent.of(sms.smsContent(), sources.variablesOf(sms.templateId()));
    }

    @Override
    public void requireCarrier() {
        if (!carrier.configured()) {
            throw new ConflictException("No SMS provider", "Configure reach.campaigns.sms.account-sid and auth-token");
        }
    }

    @Override
    public boolean sendsTests() {
        return true;
    }

    /** Sends {@code recipient}'s text, marked as a test, to the number {@code to}; nothing is recorded. */
    @Override
    public void sendTest(TenantId tenant, UUID id, SendRow recipient, String to) {
        requireCarrier();
        String number = Recipients.normalPhone(to);
        if (number == null) {
            throw new InvalidRequestException(
                    new FieldError("to", "is not a phone number in E.164 form (+14155550123)"));
        }
        carrier.sendTest(
                id,
                number,
                "[Test] " + Objects.requireNonNullElse(render(id, recipient).text(), ""));
    }

    @Override
    public Rendered render(UUID id, SendRow recipient) {
        TemplateContent content = content(id);
        String body = TemplateText.compile(Objects.requireNonNull(content.part("body")), false)
                .execute(Personalisation.values(
                        content,
                        recipient.variables(),
                        Map.of(
                                "phone",
                                recipient.address(),
                                "name",
                                recipient.name() == null ? "" : recipient.name())));
        return new Rendered(recipient.address(), recipient.name(), null, null, body);
    }

    private static Summary summaryOf(SmsCampaign sms) {
        return new Summary(
                sms.id(),
                Channel.SMS,
                sms.smsContent(),
                sms.senderNumber(),
                sms.status(),
                sms.totalRecipients(),
                sms.createdAt(),
                sms.sentAt(),
                sms.completedAt());
    }
}
