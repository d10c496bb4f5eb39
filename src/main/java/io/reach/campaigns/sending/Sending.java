package io.reach.campaigns.sending;

import io.reach.campaigns.CampaignNotFound;
import io.reach.campaigns.CampaignsForSending;
import io.reach.campaigns.templates.TemplateContent;
import io.reach.campaigns.templates.TemplateUsage;
import io.reach.contacts.Audiences;
import io.reach.contacts.ContactChannel;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaEnforcement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sending life of an e-mail or SMS campaign, the same for both channels: recipients are
 * added while it is a draft or paused; it is sent (under an active campaign), paused, resumed or
 * cancelled. Retailers act only on the ones they send themselves, under campaigns they joined.
 */
@Component
public class Sending {

    private final ChannelCampaigns channelCampaigns;
    private final CampaignsForSending campaigns;
    private final SendQueue queue;
    private final TemplateUsage usage;
    private final DispatchTask dispatch;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final QuotaEnforcement quotas;
    private final CampaignAudiences audiences;
    private final Audiences contacts;

    Sending(
            CampaignAudiences audiences,
            Audiences contacts,
            ChannelCampaigns channelCampaigns,
            CampaignsForSending campaigns,
            SendQueue queue,
            TemplateUsage usage,
            DispatchTask dispatch,
            TenantTransactions transactions,
            Clock clock,
            QuotaEnforcement quotas) {
        this.quotas = quotas;
        this.audiences = audiences;
        this.contacts = contacts;
        this.channelCampaigns = channelCampaigns;
        this.campaigns = campaigns;
        this.queue = queue;
        this.usage = usage;
        this.dispatch = dispatch;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What adding recipients did: {@code accepted} counts the suppressed ones too (kept on the campaign,
     * never sent); {@code duplicateRows} and {@code suppressedRows} name the rows (file lines) concerned.
     */
    public record Added(
            int accepted,
            int duplicates,
            List<Recipients.Rejected> rejected,
            int totalRecipients,
            List<Integer> duplicateRows,
            List<Integer> suppressedRows) {}

    public record Progress(long total, long processed, Map<String, Long> byStatus) {}

    /** Checks that the person may make a message campaign under {@code campaign}; answers the retailer id if a retailer. */
    public @Nullable UUID retailerFor(UserPrincipal person, UUID campaign) {
        campaigns.requireEditable(campaign);
        if (!isRetailer(person)) {
            return null;
        }
        if (!campaigns.joined(campaign, person.userId())) {
            throw new ConflictException("Not a participant", "Join the campaign before sending it to your recipients");
        }
        return person.userId();
    }

    /** The campaign's header, if this person may act on it (retailers: only their own). */
    ChannelCampaigns.Header visible(Channel channel, UUID id, UserPrincipal person) {
        ChannelCampaigns.Header header = channelCampaigns.header(channel, id);
        if (isRetailer(person) && !person.userId().equals(header.retailerId())) {
            throw CampaignNotFound.ofChannel(channel, id);
        }
        return header;
    }

    /** Runs {@code work} in a transaction once the person may see the campaign (a 404 otherwise). */
    public <T> T forVisible(Channel channel, UUID id, UserPrincipal person, Supplier<T> work) {
        return transactions.inTransaction(() -> {
            visible(channel, id, person);
            return work.get();
        });
    }

    /** Adds recipients checked against the campaign's content ({@code contentOf}, read once it is known to be visible). */
    public Added add(
            Channel channel,
            UUID id,
            UserPrincipal person,
            List<Recipients.Given> given,
            Function<UUID, TemplateContent> contentOf) {
        TemplateContent content = transactions.inTransaction(() -> {
            visible(channel, id, person);
            return contentOf.apply(id);
        });
        Recipients.Checked checked = Recipients.check(given, channel, content);
        return transactions.inTransaction(() -> {
            ChannelCampaigns.Header header = visible(channel, id, person);
            if (!header.status().takesRecipients()) {
                throw new ConflictException(
                        "Not allowed now", "Recipients are added to draft or paused campaigns only");
            }
            // a started (paused) campaign's recipients count when they are queued; a draft's when it is sent
            boolean started = header.status() == MessageCampaignStatus.PAUSED;
            long queuedBefore = started ? queue.queued(channel, id) : 0;
            Set<String> suppressed = queue.suppressedAmong(channel, checked.accepted());
            int total = queue.add(channel, id, checked.accepted(), clock.instant());
            if (started) {
                quotas.take(TenantContext.require(), monthlyQuota(channel), queue.queued(channel, id) - queuedBefore);
            }
            return new Added(
                    checked.accepted().size(),
                    checked.duplicates(),
                    checked.rejected(),
                    total,
                    checked.duplicateRows(),
                    checked.accepted().stream()
                            .filter(recipient -> suppressed.contains(recipient.address()))
                            .map(Recipients.Recipient::row)
                            .toList());
        });
    }

    /**
     * Chooses the list or segment a draft is sent to (with its uploaded recipients, if any); its
     * contacts are taken when sending starts. A null audience removes the choice.
     */
    public void target(Channel channel, UUID id, UserPrincipal person, @Nullable UUID list, @Nullable UUID segment) {
        transactions.inTransaction(() -> {
            ChannelCampaigns.Header header = visible(channel, id, person);
            if (header.status() != MessageCampaignStatus.DRAFT) {
                throw new ConflictException("Not allowed now", "The audience is chosen while the campaign is a draft");
            }
            if (list != null) {
                contacts.requireList(list);
            }
            if (segment != null) {
                contacts.requireSegment(segment);
            }
            audiences.set(
                    channel,
                    id,
                    list != null
                            ? new CampaignAudiences.Audience("list", list)
                            : segment != null ? new CampaignAudiences.Audience("segment", segment) : null);
        });
    }

    public void send(
            Channel channel,
            UUID id,
            UserPrincipal person,
            Runnable checkCarrier,
            Function<UUID, TemplateContent> contentOf) {
        checkCarrier.run();
        TenantId tenant = TenantContext.require();
        transactions.inTransaction(() -> {
            ChannelCampaigns.Header header = visible(channel, id, person);
            header.status().requireSendable(channel);
            campaigns.requireSending(header.campaignId(), clock.instant());
            audiences.of(channel, id).ifPresent(audience -> freeze(channel, id, audience, contentOf.apply(id)));
            long recipients = queue.remaining(channel, id);
            if (recipients == 0) {
                throw new ConflictException("No recipients", "Add recipients before sending");
            }
            quotas.take(tenant, monthlyQuota(channel), recipients);
            Instant now = clock.instant();
            channelCampaigns.move(channel, id, MessageCampaignMove.START, "", now);
            if (header.templateId() != null) {
                usage.used(header.templateId(), header.campaignId(), header.retailerId(), now);
            }
            afterCommit(() -> dispatch.start(tenant, channel, id));
        });
    }

    /**
     * Adds the audience's contacts as they are now to the campaign's recipients (checked like any
     * recipients; suppressed addresses kept out), so the audience is fixed once sending starts.
     */
    private void freeze(Channel channel, UUID id, CampaignAudiences.Audience audience, TemplateContent content) {
        List<Audiences.Member> members =
                "list".equals(audience.type()) ? contacts.ofList(audience.id()) : contacts.ofSegment(audience.id());
        List<Audiences.Member> reachable = members.stream()
                .filter(member -> (channel == Channel.EMAIL ? member.email() : member.phone()) != null)
                .toList();
        List<Recipients.Given> given = reachable.stream()
                .map(member -> new Recipients.Given(
                        channel == Channel.EMAIL ? member.email() : null,
                        channel == Channel.SMS ? member.phone() : null,
                        member.name().isEmpty() ? null : member.name(),
                        member.values(),
                        null))
                .toList();
        if (!given.isEmpty()) {
            queue.add(channel, id, Recipients.check(given, channel, content).accepted(), clock.instant());
            contacts.took(
                    channel == Channel.EMAIL ? ContactChannel.EMAIL : ContactChannel.SMS,
                    id,
                    reachable.stream().map(Audiences.Member::contactId).toList());
        }
        audiences.set(channel, id, null);
    }

    public void pause(Channel channel, UUID id, UserPrincipal person) {
        transactions.inTransaction(() -> {
            visible(channel, id, person);
            channelCampaigns.move(channel, id, MessageCampaignMove.PAUSE, "paused_by_user", clock.instant());
        });
    }

    public void resume(Channel channel, UUID id, UserPrincipal person) {
        TenantId tenant = TenantContext.require();
        transactions.inTransaction(() -> {
            ChannelCampaigns.Header header = visible(channel, id, person);
            campaigns.requireSending(header.campaignId(), clock.instant());
            channelCampaigns.move(channel, id, MessageCampaignMove.RESUME, "", clock.instant());
            afterCommit(() -> dispatch.start(tenant, channel, id));
        });
    }

    public void cancel(Channel channel, UUID id, UserPrincipal person) {
        transactions.inTransaction(() -> {
            visible(channel, id, person);
            channelCampaigns.move(channel, id, MessageCampaignMove.CANCEL, "", clock.instant());
        });
    }

    public Progress progress(Channel channel, UUID id) {
        Map<String, Long> counts = queue.counts(channel, id);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long waiting = counts.entrySet().stream()
                .filter(e -> SendStatus.of(channel, e.getKey()).waiting())
                .mapToLong(Map.Entry::getValue)
                .sum();
        return new Progress(total, total - waiting, counts);
    }

    /** The monthly quota a channel's messages count against: every recipient queued, from when a send starts. */
    private static Quota monthlyQuota(Channel channel) {
        return channel == Channel.EMAIL ? Quota.MONTHLY_EMAILS : Quota.MONTHLY_SMS;
    }

    public static boolean isRetailer(UserPrincipal person) {
        return person.role().equals("retailer");
    }

    /** Runs {@code work} once the transaction has committed, outside it ({@link TenantTransactions#outsideTransaction}). */
    private void afterCommit(Runnable work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                transactions.outsideTransaction(work);
            }
        });
    }
}
