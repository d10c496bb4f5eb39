package io.reach.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The console's campaign form as typed (kept to show it again with its errors), read into the API's
 * {@link CampaignController.CampaignRequest}. Dates are whole days in UTC: a campaign starts at the
 * first moment of its start date and ends at the last second of its end date.
 */
public record CampaignForm(
        String name,
        String description,
        String startDate,
        String endDate,
        String budgetAllocated,
        String currency,
        String stage) {

    /** What a new campaign's form starts with. */
    static CampaignForm blank() {
        return new CampaignForm("", "", "", "", "", "USD", CampaignStage.PLANNING.code());
    }

    static CampaignForm of(Campaign campaign) {
        return new CampaignForm(
                campaign.brief().name(),
                Objects.requireNonNullElse(campaign.brief().description(), ""),
                day(campaign.schedule().start()),
                day(campaign.schedule().end()),
                campaign.budget().allocated().toPlainString(),
                campaign.budget().currency(),
                campaign.stage().stage().code());
    }

    static CampaignForm typed(
            @Nullable String name,
            @Nullable String description,
            @Nullable String startDate,
            @Nullable String endDate,
            @Nullable String budgetAllocated,
            @Nullable String currency,
            @Nullable String stage) {
        return new CampaignForm(
                text(name),
                text(description),
                text(startDate),
                text(endDate),
                text(budgetAllocated),
                text(currency),
                text(stage));
    }

    /**
     * The API's request for what was typed; what cannot be read (a date, an amount) is put in {@code errors}
     * under the API's field name and left out. The form does not show the audience and settings: an edit
     * keeps the campaign's ({@code kept}).
     */
    CampaignController.CampaignRequest request(Map<String, String> errors, @Nullable CampaignSetup kept) {
        return new CampaignController.CampaignRequest(
                name.strip(),
                description.isBlank() ? null : description,
                null,
                instant(startDate, "start_date", false, errors),
                instant(endDate, "end_date", true, errors),
                amount(budgetAllocated, "budget_allocated", errors),
                currency.isBlank() ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
                stage.isBlank() ? null : stage,
                kept == null ? null : kept.targetAudience(),
                kept == null ? null : kept.settings());
    }

    /** An amount of money as typed ("1200", "1200.50"); null when blank, an error when not a number. */
    static @Nullable BigDecimal amount(String typed, String field, Map<String, String> errors) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException notANumber) {
            errors.put(field, "must be an amount such as 1200.50");
            return null;
        }
    }

    private static @Nullable Instant instant(String typed, String field, boolean endOfDay, Map<String, String> errors) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(typed.strip());
            return endOfDay
                    ? day.plusDays(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .minusSeconds(1)
                            .toInstant()
                    : day.atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            errors.put(field, "must be a date such as 2027-03-01");
            return null;
        }
    }

    private static String day(@Nullable Instant instant) {
        return instant == null
                ? ""
                : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String text(@Nullable String typed) {
        return typed == null ? "" : typed;
    }
}
