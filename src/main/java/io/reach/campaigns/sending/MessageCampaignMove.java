package io.reach.campaigns.sending;

import java.util.List;

/**
 * The moves people and the dispatcher make on an e-mail or SMS campaign, each from the states it may
 * start in. {@link ChannelCampaigns} makes a move with one conditional update, and the status table of
 * {@link MessageCampaignStatus} allows every pair here (checked when this enum loads).
 */
enum MessageCampaignMove {
    /** A draft starts sending. */
    START(MessageCampaignStatus.SENDING, MessageCampaignStatus.DRAFT),
    /** A person (or the dispatcher, when the budget or the campaign says so) pauses the sending. */
    PAUSE(MessageCampaignStatus.PAUSED, MessageCampaignStatus.SENDING),
    RESUME(MessageCampaignStatus.SENDING, MessageCampaignStatus.PAUSED),
    /** Nothing more is sent: a draft or a paused campaign only. */
    CANCEL(MessageCampaignStatus.CANCELLED, MessageCampaignStatus.DRAFT, MessageCampaignStatus.PAUSED);

    final MessageCampaignStatus to;
    final List<MessageCampaignStatus> from;

    MessageCampaignMove(MessageCampaignStatus to, MessageCampaignStatus... from) {
        this.to = to;
        this.from = List.of(from);
        for (MessageCampaignStatus status : from) {
            if (!status.canMoveTo(to)) {
                throw new IllegalStateException(name() + ": the status table does not allow " + status + " to " + to);
            }
        }
    }
}
