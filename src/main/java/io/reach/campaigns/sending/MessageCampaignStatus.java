package io.reach.campaigns.sending;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.state.Transitions;
import io.reach.platform.web.Codes;
import io.reach.platform.web.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * The sending state of an e-mail or SMS campaign, with the moves each allows: draft → sending ⇄
 * paused → sent, or cancelled before it is sent (sending → sent happens when the last row is done).
 */
@CheckSet(table = "campaigns.email_campaigns", column = "status")
@CheckSet(table = "campaigns.sms_campaigns", column = "status")
public enum MessageCampaignStatus {
    DRAFT,
    SENDING,
    PAUSED,
    SENT,
    CANCELLED;

    private static final Transitions<MessageCampaignStatus> MOVES = Transitions.of(
                    MessageCampaignStatus.class, "message campaign")
            .allow(DRAFT, SENDING, CANCELLED)
            .allow(SENDING, PAUSED, SENT)
            .allow(PAUSED, SENDING, CANCELLED)
            .build();

    boolean canMoveTo(MessageCampaignStatus next) {
        return MOVES.allows(this, next);
    }

    /** Recipients join a draft, or a paused campaign (counted against the quota at once, as it has started). */
    boolean takesRecipients() {
        return this == DRAFT || this == PAUSED;
    }

    /** Only a draft is sent; anything else says what already happened to it. */
    void requireSendable(Channel channel) {
        String campaign = "This " + (channel == Channel.EMAIL ? "e-mail" : "SMS") + " campaign";
        switch (this) {
            case DRAFT -> {}
            case SENT -> throw new ConflictException("Already sent", campaign + " has already been sent");
            case SENDING -> throw new ConflictException("Already sending", campaign + " is being sent now");
            case PAUSED -> throw new ConflictException("Paused", campaign + " is paused; resume it to go on sending");
            case CANCELLED -> throw new ConflictException("Cancelled", campaign + " was cancelled and cannot be sent");
        }
    }

    /** The refusal of a move from this status (or from none, {@code current} empty) to {@code next}. */
    static ConflictException refusal(
            Channel channel, @Nullable MessageCampaignStatus current, MessageCampaignStatus next) {
        return MOVES.of(channel.code() + " campaign").refusal(current, next);
    }

    @JsonValue
    String code() {
        return name().toLowerCase();
    }

    public static MessageCampaignStatus ofCode(String code) {
        return Codes.of(MessageCampaignStatus.class, code, "status");
    }
}
