package io.reach.campaigns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import io.reach.identity.UserPrincipal;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaEnforcement;

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
    private final CampaignAuditing audit;
    private final TenantTransactions transactions;
    private final QuotaEnforcement quotas;
    private final Ids ids;
    private final Clock clock;

    CampaignManagement(Campaigns campaigns, Budgets budgets, Participants participants, CampaignAuditing audit,
            TenantTransactions transactions, QuotaEnforcement quotas, Ids ids, Clock clock) {
        this.campaigns = campaigns;
        this.budgets = budgets;
        this.participants = participants;
        this.audit = audit;
        this.transactions = transactions;
        this.quotas = quotas;
        this.ids = ids;
        this.clock = clock;
    }

    /** A draft campaign, counted against the tenant's campaign quota; answers its id. */
    UUID create(UUID by, EditCampaign details) {
        Instant now = clock.instant();
        Campaign campaign = new Campaign(ids.next(), details.sponsorId(), details.name(), details.description(),
                CampaignStatus.DRAFT, stageOf(details, CampaignStage.PLANNING), now, details.startDate(),
                dates(details).endDate(), amount(details.budgetAllocated()), BigDecimal.ZERO.setScale(2),
                details.currency() == null ? "USD" : details.currency(), CampaignSettings.audience(details.targetAudience()),
                CampaignSettings.settings(details.campaignSettings()), by, now, now);
        transactions.inTransaction(() -> {
            quotas.admit(Quota.CAMPAIGNS, 1);
            campaigns.insert(campaign);
            audit.campaign("campaign.created", campaign.id(), Map.of("name", campaign.name(),
                    "budget_allocated", campaign.budgetAllocated(), "currency", campaign.currency()));
        });
        return campaign.id();
    }

    /** Replaces the details (not status, stage history or spend) of a campaign that may still change. */
    Campaign update(UUID id, EditCampaign details) {
        dates(details);
        return transactions.inTransaction(() -> {
            Campaign current = campaigns.lock(id);
            current.requireEditable();
            BigDecimal allocated = amount(details.budgetAllocated());
            if (allocated.compareTo(current.budgetSpent()) < 0) {
                throw new InvalidRequestException(new FieldError("budget_allocated",
                        "must not be below what is already spent (" + current.budgetSpent() + ")"));
            }
            Instant now = clock.instant();
            Campaign staged = current.enterStage(stageOf(details, current.stage()), now);
            campaigns.update(new Campaign(id, details.sponsorId(), details.name(), details.description(), current.status(),
                    staged.stage(), staged.stageChangedAt(), details.startDate(), details.endDate(), allocated,
                    current.budgetSpent(), details.currency() == null ? current.currency() : details.currency(),
                    CampaignSettings.audience(details.targetAudience()),
                    CampaignSettings.settings(details.campaignSettings()), current.createdBy(), current.createdAt(), now));
            audit.campaign("campaign.updated", id, Map.of("name", details.name(), "budget_allocated", allocated));
            return campaigns.get(id);
        });
    }

    List<Campaign> page(UUID before, int limit, @Nullable CampaignStatus status) {
        return transactions.inTransaction(() -> campaigns.page(before, limit, status));
    }

    Campaign get(UUID id) {
        return transactions.inTransaction(() -> campaigns.get(id));
    }

    Campaign moveTo(UUID id, CampaignStatus next) {
        return transactions.inTransaction(() -> {
            Campaign current = campaigns.lock(id);
            campaigns.update(current.moveTo(next, clock.instant()));
            audit.campaign("campaign.status_changed", id, Map.of("from", current.status().code(), "to", next.code()));
            return campaigns.get(id);
        });
    }

    Campaign enterStage(UUID id, CampaignStage next) {
        return transactions.inTransaction(() -> {
            Campaign current = campaigns.lock(id);
            campaigns.update(current.enterStage(next, clock.instant()));
            audit.campaign("campaign.stage_changed", id, Map.of("from", current.stage().code(), "to", next.code()));
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

    /** Retailer members join active or paused campaigns, to send them to their own recipients. */
    Participants.Participant join(UserPrincipal retailer, UUID id) {
        if (!retailer.role().equals("retailer")) {
            throw new AccessDeniedException("Only retailer members join campaigns");
        }
        return transactions.inTransaction(() -> {
            Campaign campaign = campaigns.get(id);
            if (campaign.status() != CampaignStatus.ACTIVE && campaign.status() != CampaignStatus.PAUSED) {
                throw new ConflictException("Not allowed now",
                        "Only active or paused campaigns can be joined (this one is " + campaign.status().code() + ")");
            }
            if (participants.join(id, retailer.userId(), clock.instant())) {
                audit.campaign("campaign.joined", id, Map.of("retailer_id", retailer.userId()));
            }
            return participants.of(id, retailer.userId());
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

    private static EditCampaign dates(EditCampaign details) {
        if (details.startDate() != null && details.endDate() != null && details.endDate().isBefore(details.startDate())) {
            throw new InvalidRequestException(new FieldError("end_date", "must not be before start_date"));
        }
        return details;
    }

    private static BigDecimal amount(@Nullable BigDecimal given) {
        return (given == null ? BigDecimal.ZERO : given).setScale(2);
    }
}
