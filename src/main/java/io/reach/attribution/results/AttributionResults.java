package io.reach.attribution.results;

import io.reach.attribution.catalog.AttributionModels;
import io.reach.attribution.catalog.AttributionModels.StoredModel;
import io.reach.attribution.catalog.ModelCatalog;
import io.reach.attribution.models.Credits;
import io.reach.attribution.models.ModelKind;
import io.reach.attribution.models.ModelSettings;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.podcasts.Sponsorships;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A period's conversions credited by the workspace's models, side by side. */
@Service
public class AttributionResults {

    static final int MAX_DAYS = 366;

    private final TenantTransactions transactions;
    private final ModelCatalog catalog;
    private final PeriodEvents events;
    private final Sponsorships sponsorships;
    private final CampaignRules campaignRules;

    AttributionResults(
            TenantTransactions transactions,
            ModelCatalog catalog,
            PeriodEvents events,
            Sponsorships sponsorships,
            CampaignRules campaignRules) {
        this.transactions = transactions;
        this.catalog = catalog;
        this.events = events;
        this.sponsorships = sponsorships;
        this.campaignRules = campaignRules;
    }

    /** One model's credit, by touch point (largest first). */
    public record ModelResult(UUID modelId, String name, ModelKind modelType, List<PointCredit> credits) {}

    public record PointCredit(String point, double conversions, double value) {}

    /**
     * The period's figures: conversions (rejected ones left out, an order id once), how many a touch
     * reached, the conversions by validation outcome, and each model's credit.
     */
    public record Results(
            LocalDate from,
            LocalDate to,
            int lookbackDays,
            TouchPoint point,
            int conversions,
            int attributedConversions,
            int confirmedConversions,
            int estimatedConversions,
            int unattributedConversions,
            double unattributedValue,
            int nonConvertingJourneys,
            Map<String, Long> validation,
            List<ModelResult> models) {}

    public Results results(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Integer lookbackDays,
            TouchPoint point,
            @Nullable Set<UUID> only) {
        Period period = period(from, to, lookbackDays);
        List<StoredModel> models = catalog.all().stream()
                .filter(model -> only == null ? model.enabled() : only.contains(model.id()))
                .toList();
        if (only != null && models.size() != only.size()) {
            throw new InvalidRequestException(new FieldError("models", "names a model the workspace does not have"));
        }
        Map<String, Long> validation = transactions.inTransaction(() -> events.outcomes(period.start(), period.end()));
        Journeys.Built built = journeys(period, point);
        List<ModelResult> results = models.stream()
                .map(model -> new ModelResult(model.id(), model.name(), model.modelType(), credits(model, built)))
                .toList();
        return new Results(
                period.from(),
                period.to(),
                period.lookbackDays(),
                point,
                built.converting() + built.unattributed(),
                built.converting(),
                built.converting() - built.estimated(),
                built.estimated(),
                built.unattributed(),
                built.unattributedValue(),
                built.journeys().size() - built.converting(),
                validation,
                results);
    }

    /** A period checked: its days, its lookback, and the instants they span. */
    record Period(LocalDate from, LocalDate to, int lookbackDays) {
        Instant start() {
            return from.atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    static Period period(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer lookbackDays) {
        if (from == null || to == null) {
            throw new InvalidRequestException(new FieldError(from == null ? "from" : "to", "is required (YYYY-MM-DD)"));
        }
        if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
            throw new InvalidRequestException(
                    new FieldError("to", "is on or after from, at most " + MAX_DAYS + " days on"));
        }
        int lookback = lookbackDays == null ? 30 : lookbackDays;
        if (lookback < 1 || lookback > 60) {
            throw new InvalidRequestException(new FieldError("lookback_days", "is 1 to 60 (30 when left out)"));
        }
        return new Period(from, to, lookback);
    }

    /** One distinct path: the touch points in order, how many journeys took it, converted, and their value. */
    public record PathCount(List<String> path, long journeys, long conversions, double value) {}

    /** The period's distinct paths, most converting first (at most {@code limit}). */
    List<PathCount> paths(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Integer lookbackDays,
            TouchPoint point,
            int limit) {
        Journeys.Built built = journeys(period(from, to, lookbackDays), point);
        Map<List<String>, double[]> counts = new HashMap<>();
        for (io.reach.attribution.models.Journey journey : built.journeys()) {
            double[] count = counts.computeIfAbsent(journey.points(), p -> new double[3]);
            count[0]++;
            if (journey.converts()) {
                count[1]++;
                count[2] += journey.value();
            }
        }
        return counts.entrySet().stream()
                .map(e -> new PathCount(
                        e.getKey(), (long) e.getValue()[0], (long) e.getValue()[1], round(e.getValue()[2], 2)))
                .sorted(java.util.Comparator.comparingLong(PathCount::conversions)
                        .thenComparingLong(PathCount::journeys)
                        .reversed()
                        .thenComparing(c -> String.join(" > ", c.path())))
                .limit(limit)
                .toList();
    }

    Journeys.Built journeys(Period period, TouchPoint point) {
        return transactions.inTransaction(() -> {
            Journeys.Rules rules = campaignRules.rules(Duration.ofDays(period.lookbackDays()));
            Map<String, Sponsorships.BookingRef> codes = new HashMap<>();
            sponsorships.promoCodes().forEach(code -> codes.put(code.code().toLowerCase(Locale.ROOT), code.booking()));
            return Journeys.build(
                    events.conversions(period.start(), period.end()),
                    events.touches(period.start().minus(rules.longest()), period.end(), point),
                    rules,
                    period.start(),
                    conversion -> Optional.ofNullable(conversion.discountCode())
                            .map(code -> codes.get(code.toLowerCase(Locale.ROOT)))
                            .map(booking -> promoPoint(booking, point)));
        });
    }

    /** The point a promo code's touch credits: the channel {@code promo_code}, or its booking's campaign, podcast, sponsor. */
    private static String promoPoint(Sponsorships.BookingRef booking, TouchPoint by) {
        UUID id = switch (by) {
            case CHANNEL -> null;
            case CAMPAIGN -> booking.campaign();
            case PODCAST -> booking.podcast();
            case EPISODE -> null;
            case SPONSOR -> booking.sponsor();
            case IO_BOOKING -> booking.booking();
        };
        if (by == TouchPoint.CHANNEL) {
            return "promo_code";
        }
        return id == null ? "(none)" : id.toString();
    }

    private static List<PointCredit> credits(AttributionModels.StoredModel model, Journeys.Built built) {
        Credits credits =
                ModelSettings.model(model.modelType(), model.configuration()).credit(built.journeys());
        return credits.byPoint().entrySet().stream()
                .map(entry -> new PointCredit(
                        entry.getKey(),
                        round(entry.getValue().conversions(), 6),
                        round(entry.getValue().value(), 2)))
                .sorted((a, b) -> Double.compare(b.conversions(), a.conversions()))
                .toList();
    }

    private static double round(double value, int places) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(places, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }
}
