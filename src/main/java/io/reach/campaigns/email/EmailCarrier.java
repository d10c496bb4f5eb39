package io.reach.campaigns.email;

import io.reach.campaigns.CampaignSettings;
import io.reach.campaigns.MessageSources;
import io.reach.campaigns.sending.Carrier;
import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.MessageDesk;
import io.reach.campaigns.sending.QueuedSend;
import io.reach.campaigns.templates.TemplateContent;
import io.reach.platform.tenant.TenantId;
import jakarta.mail.MessagingException;
import java.util.UUID;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Carries e-mail over the installation's SMTP server ({@code spring.mail.*}, or the one a platform
 * admin stored: {@link io.reach.platform.mail.MailServer}, asked when a worker starts): each worker keeps
 * one SMTP connection open for the whole run and sends message after message on it ({@link SmtpLine}).
 */
@Component
class EmailCarrier implements Carrier {

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan for every message part it
        // makes; naming it here makes that a plain class lookup (it was most of the CPU of a large send)
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final io.reach.platform.mail.MailServer smtp;
    private final EmailCampaigns emailCampaigns;
    private final MessageSources sources;
    private final TrackingTokens tokens;
    private final io.reach.platform.mail.PublicUrl publicUrl;
    private final java.time.Clock clock;

    EmailCarrier(
            io.reach.platform.mail.MailServer smtp,
            EmailCampaigns emailCampaigns,
            MessageSources sources,
            TrackingTokens tokens,
            io.reach.platform.mail.PublicUrl publicUrl,
            java.time.Clock clock) {
        this.smtp = smtp;
        this.emailCampaigns = emailCampaigns;
        this.sources = sources;
        this.tokens = tokens;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    boolean configured() {
        return smtp.current().isPresent();
    }

    /** Refuses a send whose tracking and unsubscribe links would point at localhost while mail leaves this machine. */
    void requireReachableLinks() {
        publicUrl.requireReachableFromMail();
    }

    @Override
    public Prepared prepare(TenantId tenant, UUID id) {
        EmailCampaign email = emailCampaigns.get(id);
        var settings = sources.settings(email.campaignId());
        var variables = sources.variablesOf(email.templateId());
        TemplateContent content =
                EmailContent.of(email.emailSubject(), email.emailContent(), email.emailText(), variables);
        EmailComposer composer = new EmailComposer(
                new EmailComposer.Shared(
                        tenant,
                        content,
                        email.senderEmail(),
                        email.senderName(),
                        CampaignSettings.tracks(settings, "open"),
                        CampaignSettings.tracks(settings, "click"),
                        ""),
                tokens,
                publicUrl.base(),
                clock);
        return new Prepared() {
            @Override
            public Line open() throws MessagingException {
                return new SmtpLine(server(), composer, clock);
            }

            @Override
            public int ratePerSecond(int fallback) {
                return settings.path("rate_per_second").isIntegralNumber()
                        ? settings.path("rate_per_second").intValue()
                        : fallback;
            }
        };
    }

    /**
     * Sends {@code recipient}'s message of the campaign to {@code to} instead, its subject marked as a
     * test, without open or click tracking: nothing about it is recorded.
     */
    void sendTest(
            TenantId tenant, EmailCampaign email, TemplateContent content, MessageDesk.SendRow recipient, String to) {
        EmailComposer composer = new EmailComposer(
                new EmailComposer.Shared(
                        tenant, content, email.senderEmail(), email.senderName(), false, false, "[Test] "),
                tokens,
                publicUrl.base(),
                clock);
        QueuedSend send = new QueuedSend(Channel.EMAIL, UUID.randomUUID(), to, recipient.name(), recipient.variables());
        try (SmtpLine line = new SmtpLine(server(), composer, clock)) {
            line.send(send);
        } catch (MessagingException e) {
            throw new io.reach.platform.web.ConflictException(
                    "Test not sent", "The SMTP server did not take the test message: " + e.getMessage());
        }
    }

    private JavaMailSenderImpl server() {
        return smtp.current()
                .orElseThrow(() -> new IllegalStateException("No SMTP server is configured (spring.mail.host)"));
    }
}
