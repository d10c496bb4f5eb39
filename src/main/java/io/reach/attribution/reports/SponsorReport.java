package io.reach.attribution.reports;

import io.reach.attribution.results.AttributionResults;
import io.reach.attribution.results.TouchPoint;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.podcasts.Sponsorships;
import io.reach.podcasts.Sponsorships.OrderDelivery;
import io.reach.tenancy.TenantBranding;
import io.reach.tenancy.WhiteLabel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a sponsor's report shows: its insertion orders' delivery, downloads and cost so far, and the
 * conversions each enabled model credits to the sponsor over its flights (to today), with the cost
 * per acquisition; under the workspace's white label.
 */
@Service
public class SponsorReport {

    private final Sponsorships sponsorships;
    private final AttributionResults results;
    private final TenantTransactions transactions;
    private final TenantBranding branding;
    private final Clock clock;

    SponsorReport(
            Sponsorships sponsorships,
            AttributionResults results,
            TenantTransactions transactions,
            TenantBranding branding,
            Clock clock) {
        this.sponsorships = sponsorships;
        this.results = results;
        this.transactions = transactions;
        this.branding = branding;
        this.clock = clock;
    }

    /** One model's conversions credited to the sponsor, their value, and the cost per acquisition. */
    public record ModelFigures(
            String model,
            double conversions,
            double value,
            @Nullable BigDecimal costPerAcquisition) {}

    /** The report. */
    public record Figures(
            WhiteLabel brand,
            String sponsorName,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            List<OrderDelivery> orders,
            BigDecimal cost,
            List<ModelFigures> models) {}

    Figures of(TenantId tenant, UUID sponsor) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Sponsorships.SponsorDelivery delivery = transactions
                .inTransactionAs(tenant, () -> sponsorships.sponsorDelivery(sponsor, today))
                .orElseThrow(() -> new io.reach.platform.web.NotFoundException("Sponsor", sponsor));
        BigDecimal cost = delivery.orders().stream().map(OrderDelivery::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate from = delivery.orders().stream()
                .map(OrderDelivery::flightStart)
                .min(Comparator.naturalOrder())
                .orElse(null);
        LocalDate last = delivery.orders().stream()
                .map(OrderDelivery::flightEnd)
                .max(Comparator.naturalOrder())
                .orElse(null);
        LocalDate to = last == null || last.isAfter(today) ? today : last;
        List<ModelFigures> models = List.of();
        if (from != null && !from.isAfter(to)) {
            LocalDate start = from.isBefore(to.minusDays(365)) ? to.minusDays(365) : from;
            AttributionResults.Results credited =
                    TenantContext.callAs(tenant, () -> results.results(start, to, null, TouchPoint.SPONSOR, null));
            models = credited.models().stream()
                    .map(model -> {
                        AttributionResults.PointCredit mine = model.credits().stream()
                                .filter(credit -> credit.point().equals(sponsor.toString()))
                                .findFirst()
                                .orElse(new AttributionResults.PointCredit(sponsor.toString(), 0, 0));
                        return new ModelFigures(
                                model.name(),
                                mine.conversions(),
                                mine.value(),
                                mine.conversions() == 0
                                        ? null
                                        : cost.divide(
                                                BigDecimal.valueOf(mine.conversions()), 2, RoundingMode.HALF_EVEN));
                    })
                    .toList();
            from = start;
        }
        return new Figures(branding.of(tenant), delivery.sponsorName(), from, to, delivery.orders(), cost, models);
    }
}
