package io.reach.campaigns;

import io.reach.identity.MemberStandings;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the console's campaign page shows of one campaign, read through {@link CampaignManagement}: its
 * figures, the moves its status allows, a page of budget entries, its stage history and participants.
 */
@Component
public class CampaignDetail {

    static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** A budget entry as the page shows it. */
    public record EntryRow(String when, String amount, String source, String note) {}

    /** A stage change; {@code from} is empty for the stage the campaign opened in. */
    public record StageRow(String when, String from, String to) {}

    /** A retailer taking part, named by their e-mail address when they are still a member. */
    public record ParticipantRow(UUID id, String who, String joined) {}

    /** The page's model: the campaign, its lists and the forms as typed. */
    public record View(
            CampaignsPage.Row campaign,
            String description,
            String stageSince,
            List<String> nextStatuses,
            List<String> stages,
            CampaignForm form,
            Map<String, String> errors,
            @Nullable String refusal,
            String amount,
            String note,
            List<EntryRow> entries,
            @Nullable String entriesCursor,
            List<StageRow> history,
            List<ParticipantRow> participants,
            @Nullable String participantsCursor,
            boolean mayWrite,
            boolean mayJoin) {}

    /** What the person typed into one of the page's forms, and what was refused. */
    record Typed(
            @Nullable CampaignForm form,
            Map<String, String> errors,
            @Nullable String refusal,
            String amount,
            String note) {

        static Typed nothing() {
            return new Typed(null, Map.of(), null, "", "");
        }
    }

    private final CampaignManagement campaigns;
    private final MemberStandings members;

    CampaignDetail(CampaignManagement campaigns, MemberStandings members) {
        this.campaigns = campaigns;
        this.members = members;
    }

    View of(
            UUID id,
            TenantId tenant,
            boolean mayWrite,
            boolean mayJoin,
            @Nullable String entriesCursor,
            @Nullable String participantsCursor,
            Typed typed) {
        Campaign campaign = campaigns.get(id);
        PageRequest entryPage = PageRequest.of(PAGE_SIZE, entriesCursor);
        CursorPage<EntryRow> entries = CursorPage.of(
                        campaigns.budgetEntries(id, entryPage.beforeOrEnd(), entryPage.fetchSize()),
                        entryPage,
                        Budgets.Entry::id)
                .map(entry -> new EntryRow(
                        when(entry.createdAt()),
                        entry.amount().toPlainString(),
                        entry.source(),
                        Objects.requireNonNullElse(entry.note(), "")));
        List<StageRow> history = campaigns.stageHistory(id, new UUID(-1L, -1L), 100).stream()
                .map(change -> new StageRow(
                        when(change.changedAt()),
                        change.fromStage() == null ? "" : change.fromStage().code(),
                        change.toStage().code()))
                .toList();
        PageRequest participantPage = PageRequest.of(PAGE_SIZE, participantsCursor);
        CursorPage<ParticipantRow> participants = CursorPage.of(
                        campaigns.participants(id, participantPage.after().orElse(null), participantPage.fetchSize()),
                        participantPage,
                        Participants.Participant::retailerId)
                .map(participant -> new ParticipantRow(
                        participant.retailerId(),
                        members.of(tenant, participant.retailerId())
                                .map(MemberStandings.Standing::email)
                                .orElse("a former member"),
                        when(participant.joinedAt())));
        return new View(
                CampaignsPage.Row.of(campaign),
                Objects.requireNonNullElse(campaign.brief().description(), ""),
                when(campaign.stage().since()),
                Arrays.stream(CampaignStatus.values())
                        .filter(campaign.status()::canMoveTo)
                        .map(CampaignStatus::code)
                        .toList(),
                CampaignsPage.stageCodes(),
                typed.form() == null ? CampaignForm.of(campaign) : typed.form(),
                typed.errors(),
                typed.refusal(),
                typed.amount(),
                typed.note(),
                entries.items(),
                entries.nextCursor(),
                history,
                participants.items(),
                participants.nextCursor(),
                mayWrite,
                mayJoin);
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atOffset(ZoneOffset.UTC));
    }
}
