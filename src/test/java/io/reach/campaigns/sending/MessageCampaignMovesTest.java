package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** E-mail and SMS campaigns move only by the pairs their status table allows (moved from CampaignRulesTest). */
class MessageCampaignMovesTest {

    @Test
    void everyMessageCampaignMoveIsOneTheStatusTableAllows() {
        for (MessageCampaignMove move : MessageCampaignMove.values()) {
            assertThat(move.from)
                    .as("%s", move)
                    .allSatisfy(from -> assertThat(from.canMoveTo(move.to)).isTrue());
        }
        assertThat(MessageCampaignMove.CANCEL.from).doesNotContain(MessageCampaignStatus.SENDING);
    }
}
