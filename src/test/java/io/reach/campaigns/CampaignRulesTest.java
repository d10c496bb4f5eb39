package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.state.IllegalTransition;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The campaign aggregate's parts keep their own rules, and its status moves only as its table allows. */
class CampaignRulesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    @Test
    void aScheduleNeverEndsBeforeItStarts() {
        assertThatThrownBy(() -> new Schedule(NOW, NOW.minusSeconds(1))).isInstanceOf(InvalidRequestException.class);
        assertThat(new Schedule(NOW, NOW).endedBy(NOW.plusSeconds(1))).isTrue();
        assertThat(new Schedule(null, null).endedBy(NOW)).isFalse();
    }

    @Test
    void aBudgetIsNeverReallocatedBelowWhatIsSpent() {
        Budget budget = new Budget(new BigDecimal("100.00"), new BigDecimal("40.00"), "EUR");
        assertThatThrownBy(() -> budget.reallocated(new BigDecimal("39.99"), null))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(budget.reallocated(new BigDecimal("40"), null))
                .isEqualTo(new Budget(new BigDecimal("40.00"), new BigDecimal("40.00"), "EUR"));
        assertThat(Budget.opening(null, null))
                .isEqualTo(new Budget(new BigDecimal("0.00"), new BigDecimal("0.00"), "USD"));
    }

    @Test
    void statusMovesFollowTheTableAndARefusalReads() {
        Campaign draft = draft();
        Campaign active = draft.moveTo(CampaignStatus.ACTIVE, NOW.plusSeconds(5));
        assertThat(active.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(active.authorship().updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThatThrownBy(() -> draft.moveTo(CampaignStatus.PAUSED, NOW))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("A draft campaign cannot become paused");
        assertThatThrownBy(() -> active.moveTo(CampaignStatus.DRAFT, NOW))
                .hasMessage("An active campaign cannot become draft");
        assertThatThrownBy(draft::requireJoinable).isInstanceOf(ConflictException.class);
        active.requireJoinable();
    }

    @Test
    void aCompletedCampaignKeepsItsDetails() {
        Campaign completed = draft().moveTo(CampaignStatus.ACTIVE, NOW).moveTo(CampaignStatus.COMPLETED, NOW);
        EditCampaign details = new EditCampaign("Renamed", null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> completed.edit(details, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot be changed");
    }

    private static Campaign draft() {
        var empty = JsonNodeFactory.instance.objectNode();
        return Campaign.draft(
                UUID.randomUUID(),
                new CampaignBrief("Spring", null, null),
                CampaignStage.PLANNING,
                new Schedule(null, null),
                Budget.opening(new BigDecimal("100"), "EUR"),
                new CampaignSetup(empty, empty),
                UUID.randomUUID(),
                NOW);
    }
}
