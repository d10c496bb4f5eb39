package io.reach.campaigns;

import io.reach.identity.UserPrincipal;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaEnforcement;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Campaigns from creation to archive: their details (dates in order, a budget never below what is
 * spent), status and stage, manual spend, and the retailers who join them. Each use case is one
 * transaction and leaves an audit entry when it changes something.
 */
@Service
class CampaignManagement {

    private final Campaigns campaigns;
    private final Budgets budgets;
    private final Participants participants;
    private final StageHistory stages;
    private final CampaignAuditing audit;
    private final TenantTransactions transactions;
    private final QuotaEnforcement quotas;
    private final Ids ids;
    private final Clock clock;

    CampaignManagement(
            Campaigns campaigns,
            Budgets budgets,
            Participants participants,
            StageHistory stages,
            CampaignAuditing audit,
            TenantTransactions transactions,
            QuotaEnforcement quotas,
            Ids ids,
            Clock clock) {
        this.campaigns = campaigns;
        this.budgets = budgets;
        this.participants = participants;
        this.stages = stages;
        this.audit = audit;
        this.transactions = transactions;
        this.quotas = quotas;
        this.ids = ids;
        this.clock = clock;
    }

    /** A draft campaign, counted against the tenant's campaign quota; answers its id. */
    UUID create(UUID by, EditCampaign details) {
        CampaignStage stage = stageOf(details, CampaignStage.PLANNING);
        Campaign campaign = Campaign.draft(
                ids.next(),
                details.brief(),
                stage,
                details.schedule(),
                Budget.opening(details.budgetAllocated(), details.currency()),
                details.setup(),
                by,
                clock.instant());
        transactions.inTransaction(() -> {
            quotas.admit(Quota.CAMPAIGNS, 1);
            campaigns.insert(campaign);
            stages.recordMove(null, campaign.stage(), campaign.id());
            audit.campaign(
                    "campaign.created",
                    campaign.id(),
                    Map.of(
                            "name",
                            campaign.brief().name(),
                            "budget_allocated",
                            campaign.budget().allocated(),
                            "currency",
                            campaign.budget().currency()));
        });
        return campaign.id();
    }

    /** Replaces the details (not status, stage history or spend) of a campaign that may still change. */
    Campaign update(UUID id, EditCampaign details) {
        details.schedule(); // the dates are checked before the campaign is locked
        return transactions.inTransaction(() -> {
            Campaign current = campaigns.lock(id);
            Campaign edited = current.edit(details, clock.instant());
            campaigns.update(edited);
            stages.recordMove(current.stage(), edited.stage(), id);
            audit.campaign(
                    "campaign.updated",
                    id,
                    Map.of(
                            "name",
                            details.name(),
                            "budget_allocated",
                            edited.budget().allocated()));
            return campaigns.get(id);
        });
    }

    /** A page of campaigns, newest first; {@code name} (when given) keeps those whose name contains it, in any case. */
    List<Campaign> page(UUID before, int limit, @Nullable CampaignStatus status, @Nullable String name) {
        String searched = name == null || name.isBlank() ? null : name.strip();
        return transactions.inTransaction(() -> campaigns.page(before, limit, status, searched));
    }

    Campaign get(UUID id) {
        return transactions.inTransaction(() -> campaigns.get(id));
    }

    Campaign moveTo(UUID id, CampaignStatus next) {
        return transactions.inTransaction(() -> {
            Campaign current = campaigns.lock(id);
            campaigns.update(current.moveTo(next, clock.instant()));
            audit.campaign(
                    "campaign.status_changed",
                    id,
                    Map.of("from", current.status().code(), "to", next.code()));
            return campaigns.get(id);
        });
    }

    Campaign enterStage(UUID id, CampaignStage next) {
        return transactions.inTransaction(() -> {
            Campaign current = campaigns.lock(id);
            Campaign staged = current.enterStage(next, clock.instant());
            campaigns.update(staged);
            stages.recordMove(current.stage(), staged.stage(), id);
            audit.campaign(
                    "campaign.stage_changed",
                    id,
                    Map.of("from", current.stage().stage().code(), "to", next.code()));
            return campaigns.get(id);
        });
    }

    /** A manual spend; {@link Budgets#spend} refuses one beyond the budget unless the tenant allows overspend. */
    Campaign spend(UUID by, UUID id, BigDecimal amount, @Nullable String note) {
        return transactions.inTransaction(() -> {
            campaigns.get(id).requireEditable();
            budgets.spend(id, amount, note, by);
            audit.campaign("campaign.spent", id, Map.of("amount", amount));
            return campaigns.get(id);
        });
    }

    List<Budgets.Entry> budgetEntries(UUID id, UUID before, int limit) {
        return transactions.inTransaction(() -> {
            campaigns.get(id);
            return budgets.entries(id, before, limit);
        });
    }

    /** The stages the campaign entered, newest first. */
    List<StageHistory.StageChange> stageHistory(UUID id, UUID before, int limit) {
        return transactions.inTransaction(() -> {
            campaigns.get(id);
            return stages.of(id, before, limit);
        });
    }

    /** Retailer members join active or paused campaigns, to send them to their own recipients. */
    Participants.Participant join(UserPrincipal retailer, UUID id) {
        if (!retailer.role().equals("retailer")) {
            throw new AccessDeniedException("Only retailer members join campaigns");
        }
        return transactions.inTransaction(() -> {
            campaigns.get(id).requireJoinable();
            if (participants.join(id, retailer.userId(), clock.instant())) {
                audit.campaign("campaign.joined", id, Map.of("retailer_id", retailer.userId()));
            }
            return participants.of(id, retailer.userId());
        });
    }

    /** Takes a retailer off the campaign (nothing happens when they had not joined). */
    void removeParticipant(UUID id, UUID retailer) {
        transactions.inTransaction(() -> {
            campaigns.get(id).requireEditable();
            if (participants.leave(id, retailer)) {
                audit.campaign("campaign.participant_removed", id, Map.of("retailer_id", retailer));
            }
        });
    }

    List<Participants.Participant> participants(UUID id, @Nullable UUID after, int limit) {
        return transactions.inTransaction(() -> {
            campaigns.get(id);
            return participants.of(id, after, limit);
        });
    }

    private static CampaignStage stageOf(EditCampaign details, CampaignStage otherwise) {
        return details.stage() == null ? otherwise : CampaignStage.ofCode(details.stage());
    }
}
