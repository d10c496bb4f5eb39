package io.reach.campaigns.email;

import io.reach.campaigns.CampaignDirectory.EmailLinkClicked;
import io.reach.campaigns.CampaignProperties;
import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.SendEffects;
import io.reach.campaigns.suppression.SuppressionLists;
import io.reach.campaigns.suppression.SuppressionReason;
import io.reach.contacts.ActivityKind;
import io.reach.contacts.ActivitySource;
import io.reach.contacts.ContactChannel;
import io.reach.contacts.ContactDirectory;
import io.reach.measurement.EngagementEvents;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the links in campaign e-mails do (no sign-in; the signed token names the tenant and the send):
 * opens and clicks are recorded on the send, told apart as human or machine, and as events for the
 * rollups; a human's first click counts as a conversion of the template; unsubscribing suppresses the
 * address in the tenant. An unknown or forged token looks like an unknown link.
 */
@Service
class EmailTracking {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmailTracking.class);

    private final TrackingTokens tokens;
    private final EmailSends sends;
    private final SuppressionLists suppressions;
    private final SendEffects effects;
    private final EngagementEvents events;
    private final TenantTransactions transactions;
    private final CampaignProperties properties;
    private final Clock clock;

    private final ContactDirectory contacts;
    private final EmailCampaigns emailCampaigns;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    EmailTracking(
            EmailCampaigns emailCampaigns,
            org.springframework.context.ApplicationEventPublisher publisher,
            TrackingTokens tokens,
            EmailSends sends,
            SuppressionLists suppressions,
            SendEffects effects,
            EngagementEvents events,
            ContactDirectory contacts,
            TenantTransactions transactions,
            CampaignProperties properties,
            Clock clock) {
        this.contacts = contacts;
        this.emailCampaigns = emailCampaigns;
        this.publisher = publisher;
        this.tokens = tokens;
        this.sends = sends;
        this.suppressions = suppressions;
        this.effects = effects;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The token if it is genuine and of {@code kind}. */
    TrackingTokens.Token token(String token, TrackingTokens.Kind kind) {
        return tokens.open(token, kind).orElseThrow(() -> TrackingLinkNotFound.invalidToken());
    }

    /** Records an open or a click of the token's send ({@code type}: the engagement event's type). */
    void engage(TrackingTokens.Token token, String type, @Nullable String agent, @Nullable String client) {
        Instant now = clock.instant();
        Optional<Engaged> recorded = transactions.inTransactionAs(
                token.tenant(),
                () -> sends.find(token.send()).map(send -> {
                    boolean machine = MachineOpens.machine(
                            agent,
                            send.sentAt(),
                            send.deliveredAt(),
                            now,
                            properties.email().machineWindow());
                    if (token.kind() == TrackingTokens.Kind.OPEN) {
                        sends.opened(send.id(), machine, now);
                    } else {
                        sends.clicked(send.id(), machine, now);
                        if (!machine && send.clickedAt() == null) {
                            converted(send);
                        }
                        if (!machine) {
                            publisher.publishEvent(new EmailLinkClicked(
                                    token.tenant().value(),
                                    emailCampaigns.get(send.emailCampaignId()).campaignId(),
                                    send.emailCampaignId(),
                                    EmailLinkClicked.visitorOf(send.recipientEmail()),
                                    client,
                                    agent,
                                    token.url(),
                                    now));
                        }
                    }
                    if (!machine) {
                        contacts.engaged(
                                ContactChannel.EMAIL,
                                send.recipientEmail().toLowerCase(java.util.Locale.ROOT),
                                token.kind() == TrackingTokens.Kind.OPEN ? ActivityKind.OPENED : ActivityKind.CLICKED,
                                ActivitySource.EMAIL_CAMPAIGN,
                                send.emailCampaignId(),
                                token.url(),
                                now);
                    }
                    return new Engaged(send, machine);
                }));
        Engaged engaged = recorded.orElseThrow(() -> TrackingLinkNotFound.unknownSend());
        try {
            record(token, type, agent, now, engaged);
        } catch (RuntimeException e) {
            // the send row has the open or click; the event only feeds the rollups, so the reader still gets the page
            log.warn(
                    "{} of send {} not recorded as an event: {}",
                    type,
                    engaged.send().id(),
                    e.getMessage());
        }
    }

    /** The address an unsubscribe token would stop e-mails to ({@code token} as given, for the 404). */
    String recipient(TrackingTokens.Token t, String token) {
        return transactions.inTransactionAs(
                t.tenant(),
                () -> sends.find(t.send())
                        .map(EmailSends.EmailSend::recipientEmail)
                        .orElseThrow(() -> TrackingLinkNotFound.forToken(token)));
    }

    /** Suppresses the send's address in its tenant and marks the send unsubscribed. */
    void unsubscribe(TrackingTokens.Token t, String token) {
        Instant now = clock.instant();
        transactions.inTransactionAs(t.tenant(), () -> {
            EmailSends.EmailSend send = sends.find(t.send()).orElseThrow(() -> TrackingLinkNotFound.forToken(token));
            suppressions.suppressFor(
                    Channel.EMAIL, send.recipientEmail().toLowerCase(), SuppressionReason.UNSUBSCRIBED, send.id(), now);
            sends.unsubscribed(send.id(), now);
        });
    }

    private void record(TrackingTokens.Token token, String type, @Nullable String agent, Instant now, Engaged engaged) {
        events.record(
                token.tenant(),
                new EngagementEvents.Engagement(
                        type,
                        "/email-campaigns/" + engaged.send().emailCampaignId(),
                        engaged.send().id().toString(),
                        token.url(),
                        agent,
                        engaged.machine(),
                        now));
    }

    private record Engaged(EmailSends.EmailSend send, boolean machine) {}

    private void converted(EmailSends.EmailSend send) {
        effects.converted(
                Channel.EMAIL, send.emailCampaignId(), send.recipientEmail().toLowerCase());
    }
}
