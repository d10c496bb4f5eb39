package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The sending states own their moves: what each allows, and the readable refusal of the rest. */
class SendingStatesTest {

    @Test
    void aMessageCampaignIsSentFromADraftPausedWhileSendingAndCancelledOnlyBeforeItIsSent() {
        assertThat(MessageCampaignStatus.DRAFT.canMoveTo(MessageCampaignStatus.SENDING))
                .isTrue();
        assertThat(MessageCampaignStatus.SENDING.canMoveTo(MessageCampaignStatus.PAUSED))
                .isTrue();
        assertThat(MessageCampaignStatus.PAUSED.canMoveTo(MessageCampaignStatus.SENDING))
                .isTrue();
        assertThat(MessageCampaignStatus.PAUSED.canMoveTo(MessageCampaignStatus.CANCELLED))
                .isTrue();
        assertThat(MessageCampaignStatus.SENDING.canMoveTo(MessageCampaignStatus.CANCELLED))
                .isFalse();
        assertThat(MessageCampaignStatus.SENT.canMoveTo(MessageCampaignStatus.DRAFT))
                .isFalse();
        for (MessageCampaignStatus next : MessageCampaignStatus.values()) {
            assertThat(MessageCampaignStatus.CANCELLED.canMoveTo(next))
                    .as("cancelled to %s", next)
                    .isFalse();
        }
    }

    @Test
    void onlyADraftIsSentAndEveryOtherStatusSaysWhatHappenedToIt() {
        MessageCampaignStatus.DRAFT.requireSendable(Channel.EMAIL);
        assertThatThrownBy(() -> MessageCampaignStatus.SENT.requireSendable(Channel.EMAIL))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("This e-mail campaign has already been sent");
        assertThatThrownBy(() -> MessageCampaignStatus.PAUSED.requireSendable(Channel.SMS))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("This SMS campaign is paused");
    }

    @Test
    void aMoveThatIsNotInTheTableIsRefusedBeforeAnythingIsWritten() {
        // A client on a data source nothing connects to: the move is refused before anything is written.
        ChannelCampaigns campaigns = new ChannelCampaigns(JdbcClient.create(new SimpleDriverDataSource()));
        assertThatThrownBy(() -> campaigns.tryMove(
                        Channel.EMAIL,
                        java.util.UUID.randomUUID(),
                        java.util.List.of(MessageCampaignStatus.SENT),
                        MessageCampaignStatus.SENDING,
                        "",
                        java.time.Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSendMovesForwardOnlyAndARefusalSaysWhy() {
        assertThat(EmailSendStatus.SENT.moveTo(EmailSendStatus.OPENED)).isEqualTo(EmailSendStatus.OPENED);
        assertThatThrownBy(() -> EmailSendStatus.SENT.moveTo(EmailSendStatus.QUEUED))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("A sent e-mail cannot become queued");
        assertThat(SmsSendStatus.PENDING.canMoveTo(SmsSendStatus.DELIVERED)).isTrue();
        assertThatThrownBy(() -> SmsSendStatus.DELIVERED.moveTo(SmsSendStatus.SENT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("A delivered SMS cannot become sent");
    }

    @Test
    void aClaimedSendEndsSentPendingOrFailedNeverBackInTheQueue() {
        QueuedSend send =
                new QueuedSend(Channel.SMS, java.util.UUID.randomUUID(), "+15550000001", null, java.util.Map.of());
        assertThat(SendOutcome.failed(send, "unreachable", java.time.Instant.EPOCH)
                        .status())
                .isEqualTo(SmsSendStatus.FAILED);
        assertThatThrownBy(() -> SendOutcome.accepted(send, SmsSendStatus.QUEUED, null, null, java.time.Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
