package io.reach.campaigns.sending;

import io.reach.campaigns.CampaignNotFound;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The e-mail and SMS campaigns together, as the console shows them: one list of both, and a message
 * campaign found by its id whatever its channel (ids are unique across both), if the person may see it.
 */
@Service
public class MessageDesks {

    private final Map<Channel, MessageDesk> desks = new EnumMap<>(Channel.class);
    private final ChannelCampaigns channelCampaigns;
    private final Sending sending;
    private final TenantTransactions transactions;
    private final SendingChoices choices;

    MessageDesks(
            List<MessageDesk> desks,
            ChannelCampaigns channelCampaigns,
            Sending sending,
            TenantTransactions transactions,
            SendingChoices choices) {
        desks.forEach(desk -> this.desks.put(desk.channel(), desk));
        this.channelCampaigns = channelCampaigns;
        this.sending = sending;
        this.transactions = transactions;
        this.choices = choices;
    }

    /** How far sending got: sent (or further), failed (or bounced), suppressed, and still queued. */
    public record Tally(long total, long processed, long sent, long failed, long suppressed, long queued) {}

    public Tally tally(Channel channel, UUID id, UserPrincipal person) {
        Sending.Progress progress = sending.forVisible(channel, id, person, () -> sending.progress(channel, id));
        long queued = 0;
        long failed = 0;
        long suppressed = 0;
        for (Map.Entry<String, Long> count : progress.byStatus().entrySet()) {
            SendStatus status = SendStatus.of(channel, count.getKey());
            if (status.waiting()) {
                queued += count.getValue();
            } else if (status.failed() || status == EmailSendStatus.BOUNCED) {
                failed += count.getValue();
            } else if (count.getKey().equals("suppressed")) {
                suppressed += count.getValue();
            }
        }
        long sent = progress.total() - queued - failed - suppressed;
        return new Tally(progress.total(), progress.processed(), sent, failed, suppressed, queued);
    }

    /** The campaigns a new message campaign may run under, and the channel's active templates. */
    public record Choices(List<Choice> campaigns, List<Choice> templates) {}

    /** Something to choose in a form: its id and name. */
    public record Choice(UUID id, String name) {}

    public Choices choices(Channel channel) {
        return transactions.inTransaction(() -> new Choices(choices.campaigns(200), choices.templates(channel, 200)));
    }

    public MessageDesk desk(Channel channel) {
        MessageDesk desk = desks.get(channel);
        if (desk == null) {
            throw new IllegalStateException("No message desk for " + channel);
        }
        return desk;
    }

    /** The channel of the message campaign {@code id} if the person may see it; 404 otherwise. */
    public Channel channelOf(UUID id, UserPrincipal person) {
        return transactions.inTransaction(() -> {
            for (Channel channel : Channel.values()) {
                if (channelCampaigns.status(channel, id).isPresent()) {
                    sending.visible(channel, id, person);
                    return channel;
                }
            }
            throw CampaignNotFound.ofChannel(Channel.EMAIL, id);
        });
    }

    public MessageDesk.Summary summary(Channel channel, UUID id, UserPrincipal person) {
        return sending.forVisible(channel, id, person, () -> desk(channel).summary(id));
    }

    /** Both channels' campaigns the person may see, newest first, below {@code before}; {@code limit} at most. */
    public List<MessageDesk.Summary> page(UserPrincipal person, UUID before, int limit) {
        List<MessageDesk.Summary> all = new ArrayList<>();
        desks.values().forEach(desk -> all.addAll(desk.page(person, before, limit)));
        return all.stream()
                .sorted(Comparator.comparing(MessageDesk.Summary::id).reversed())
                .limit(limit)
                .toList();
    }

    public List<MessageDesk.SendRow> sends(
            Channel channel,
            UUID id,
            UserPrincipal person,
            UUID after,
            int limit,
            @org.jspecify.annotations.Nullable String address) {
        return sending.forVisible(channel, id, person, () -> desk(channel).sends(id, after, limit, address));
    }
}
