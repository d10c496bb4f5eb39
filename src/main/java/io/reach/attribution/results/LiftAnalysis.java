package io.reach.attribution.results;

import io.reach.attribution.results.AttributionResults.Period;
import io.reach.attribution.results.PeriodEvents.Conversion;
import io.reach.attribution.results.PeriodEvents.TouchRow;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.podcasts.Households;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Lift of a campaign, shown apart from attributed conversions: the conversion rate of the households
 * (or visitors) the campaign reached against a control group's. With a holdout share the control is
 * the held-out households (same period, a public-service ad in the campaign's place); without one it
 * is those reached by anything else in a baseline period (by default the as-long period just before).
 * A unit converts when it converts within the lookback after its first touch. Lift = (exposed −
 * control) / control; its 95 % interval is the log relative risk's (Katz): exp(ln RR ± 1.96 √(1/a −
 * 1/n₁ + 1/c − 1/n₂)) − 1.
 */
@Service
public class LiftAnalysis {

    static final double Z95 = 1.959963984540054;
    private static final HexFormat HEX = HexFormat.of();

    private final TenantTransactions transactions;
    private final PeriodEvents events;
    private final CampaignRules rules;
    private final Households households;

    LiftAnalysis(TenantTransactions transactions, PeriodEvents events, CampaignRules rules, Households households) {
        this.transactions = transactions;
        this.events = events;
        this.rules = rules;
        this.households = households;
    }

    /** A group: how many units it has, how many converted, the rate. */
    public record Group(
            String name,
            long units,
            long converted,
            @Nullable Double rate) {}

    /** The lift and its interval (none when either group has no unit or no conversion). */
    public record Lift(
            UUID campaignId,
            String method,
            LocalDate from,
            LocalDate to,
            @Nullable LocalDate baselineFrom,
            @Nullable LocalDate baselineTo,
            int lookbackDays,
            Group exposed,
            Group control,
            @Nullable Double lift,
            @Nullable Double low,
            @Nullable Double high,
            double confidence) {}

    /** Which group a household or visitor is in for a campaign, and the fraction its hash gave. */
    public record Assignment(UUID campaignId, String group, double fraction, double holdoutShare) {}

    public Lift lift(
            @Nullable UUID campaign,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Integer lookbackDays,
            @Nullable LocalDate baselineFrom,
            @Nullable LocalDate baselineTo) {
        if (campaign == null) {
            throw new InvalidRequestException(new FieldError("campaign_id", "is required"));
        }
        Period period = AttributionResults.period(from, to, lookbackDays);
        Duration lookback = Duration.ofDays(period.lookbackDays());
        return transactions.inTransaction(() -> {
            double share = rules.find(campaign).holdoutShare().doubleValue();
            List<TouchRow> reached = events.touches(period.start(), period.end(), TouchPoint.CAMPAIGN).stream()
                    .filter(touch -> campaign.equals(touch.campaign()))
                    .toList();
            Map<String, List<Instant>> conversions =
                    byUnit(events.conversions(period.start(), period.end().plus(lookback)));
            if (share > 0) {
                Predicate<String> held = unit -> Holdouts.heldOut(campaign, unit, share);
                Group exposed = group("exposed", reached, held.negate(), conversions, lookback);
                Group control = group("holdout", reached, held, conversions, lookback);
                return lift(campaign, "holdout", period, null, exposed, control);
            }
            long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
            LocalDate bFrom =
                    baselineFrom != null ? baselineFrom : period.from().minusDays(days);
            LocalDate bTo = baselineTo != null ? baselineTo : period.from().minusDays(1);
            Period baseline = AttributionResults.period(bFrom, bTo, period.lookbackDays());
            if (!baseline.to().isBefore(period.from())) {
                throw new InvalidRequestException(new FieldError("baseline_to", "is before from"));
            }
            List<TouchRow> before = events.touches(baseline.start(), baseline.end(), TouchPoint.CAMPAIGN).stream()
                    .filter(touch -> !campaign.equals(touch.campaign()))
                    .toList();
            Map<String, List<Instant>> baselineConversions =
                    byUnit(events.conversions(baseline.start(), baseline.end().plus(lookback)));
            Group exposed = group("exposed", reached, unit -> true, conversions, lookback);
            Group control = group("baseline", before, unit -> true, baselineConversions, lookback);
            return lift(campaign, "baseline", period, baseline, exposed, control);
        });
    }

    /** The group a listener (by address) or visitor is in: for an ad server choosing the ad or the public-service one. */
    public Assignment assignment(UUID campaign, @Nullable String ip, @Nullable String visitor) {
        InetAddress address = ip == null ? null : Households.parse(ip);
        if (ip != null && address == null) {
            throw new InvalidRequestException(new FieldError("ip", "is an IPv4 or IPv6 address"));
        }
        if (address == null && (visitor == null || visitor.isBlank() || visitor.length() > 200)) {
            throw new InvalidRequestException(new FieldError("ip", "or visitor (1 to 200 characters) is required"));
        }
        return transactions.inTransaction(() -> {
            double share = rules.find(campaign).holdoutShare().doubleValue();
            String unit = address != null
                    ? HEX.formatHex(households.keyOf(TenantContext.require(), address))
                    : java.util.Objects.requireNonNull(visitor);
            double fraction = Holdouts.fraction(campaign, unit);
            return new Assignment(campaign, fraction < share ? "holdout" : "exposed", fraction, share);
        });
    }

    private static String unit(@Nullable String household, @Nullable String visitor) {
        return household != null ? household : "v:" + visitor;
    }

    private static Map<String, List<Instant>> byUnit(List<Conversion> conversions) {
        Map<String, List<Instant>> byUnit = new HashMap<>();
        for (Conversion conversion : conversions) {
            if (conversion.household() != null || conversion.visitor() != null) {
                byUnit.computeIfAbsent(unit(conversion.household(), conversion.visitor()), u -> new ArrayList<>())
                        .add(conversion.at());
            }
        }
        return byUnit;
    }

    private static Group group(
            String name,
            List<TouchRow> touches,
            Predicate<String> member,
            Map<String, List<Instant>> conversions,
            Duration lookback) {
        Map<String, Instant> first = new HashMap<>();
        for (TouchRow touch : touches) {
            String unit = touch.household() != null ? touch.household() : touch.visitor();
            if (unit != null && member.test(unit)) {
                first.merge(unit(touch.household(), touch.visitor()), touch.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        long converted = first.entrySet().stream()
                .filter(e -> conversions.getOrDefault(e.getKey(), List.of()).stream()
                        .anyMatch(at -> !at.isBefore(e.getValue())
                                && !at.isAfter(e.getValue().plus(lookback))))
                .count();
        return new Group(name, first.size(), converted, first.isEmpty() ? null : (double) converted / first.size());
    }

    private static Lift lift(
            UUID campaign, String method, Period period, @Nullable Period baseline, Group exposed, Group control) {
        Double lift = null;
        Double low = null;
        Double high = null;
        if (exposed.converted() > 0 && control.converted() > 0 && exposed.rate() != null && control.rate() != null) {
            double ratio = exposed.rate() / control.rate();
            double se = Math.sqrt(1.0 / exposed.converted()
                    - 1.0 / exposed.units()
                    + 1.0 / control.converted()
                    - 1.0 / control.units());
            lift = ratio - 1;
            low = Math.exp(Math.log(ratio) - Z95 * se) - 1;
            high = Math.exp(Math.log(ratio) + Z95 * se) - 1;
        }
        return new Lift(
                campaign,
                method,
                period.from(),
                period.to(),
                baseline == null ? null : baseline.from(),
                baseline == null ? null : baseline.to(),
                period.lookbackDays(),
                exposed,
                control,
                lift,
                low,
                high,
                0.95);
    }
}
