package io.reach.attribution.results;

import io.reach.attribution.models.Journey;
import io.reach.attribution.models.Touch;
import io.reach.attribution.results.PeriodEvents.Conversion;
import io.reach.attribution.results.PeriodEvents.TouchRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds a period's journeys. A conversion takes the touches of its visitor key inside the lookback
 * window {@code [conversion − lookback, conversion]} (both ends included: a touch one second earlier
 * is out); with no such touch, those of its household key. A conversion with neither is
 * unattributed. A conversion carrying a booking's promo code (matched exactly, ignoring case) gains a
 * touch of that booking at the conversion — unless one of its touches is a vanity click, which takes
 * precedence. The touches of the period whose visitor (or, without one, household) never
 * converted make one non-converting journey each, which the Markov model needs.
 */
final class Journeys {

    /** The journeys of a period and the conversions no touch reached. */
    record Built(List<Journey> journeys, int converting, int unattributed, double unattributedValue) {}

    private static final String VANITY_CLICK = "vanity_click";

    private Journeys() {}

    static Built build(
            List<Conversion> conversions,
            List<TouchRow> touches,
            Duration lookback,
            Instant periodStart,
            Function<Conversion, Optional<String>> promoPoint) {
        Map<String, List<TouchRow>> byVisitor = new HashMap<>();
        Map<String, List<TouchRow>> byHousehold = new HashMap<>();
        for (TouchRow touch : touches) {
            if (touch.visitor() != null) {
                byVisitor
                        .computeIfAbsent(touch.visitor(), k -> new ArrayList<>())
                        .add(touch);
            }
            if (touch.household() != null) {
                byHousehold
                        .computeIfAbsent(touch.household(), k -> new ArrayList<>())
                        .add(touch);
            }
        }
        List<Journey> journeys = new ArrayList<>();
        Set<String> convertedKeys = new HashSet<>();
        int unattributed = 0;
        double unattributedValue = 0;
        for (Conversion conversion : conversions) {
            Instant earliest = conversion.at().minus(lookback);
            List<TouchRow> matched = conversion.visitor() == null
                    ? List.of()
                    : within(byVisitor.get(conversion.visitor()), earliest, conversion.at());
            if (matched.isEmpty() && conversion.household() != null) {
                matched = within(byHousehold.get(conversion.household()), earliest, conversion.at());
            }
            if (conversion.visitor() != null) {
                convertedKeys.add("v:" + conversion.visitor());
            }
            if (conversion.household() != null) {
                convertedKeys.add("h:" + conversion.household());
            }
            List<Touch> path = new ArrayList<>(touchesOf(matched));
            // A promo code is a touch at the conversion, unless a vanity click already tells where it came from.
            boolean clicked = matched.stream().anyMatch(touch -> touch.source().equals(VANITY_CLICK));
            if (!clicked) {
                promoPoint.apply(conversion).ifPresent(point -> path.add(new Touch(point, conversion.at())));
            }
            if (path.isEmpty()) {
                unattributed++;
                unattributedValue += conversion.value();
                continue;
            }
            journeys.add(Journey.converted(path, conversion.at(), conversion.value()));
        }
        int converting = journeys.size();
        Map<String, List<TouchRow>> abandoned = new LinkedHashMap<>();
        for (TouchRow touch : touches) {
            if (touch.at().isBefore(periodStart)) {
                continue;
            }
            String key = touch.visitor() != null ? "v:" + touch.visitor() : "h:" + touch.household();
            boolean converted = convertedKeys.contains(key)
                    || touch.household() != null && convertedKeys.contains("h:" + touch.household());
            if (!converted) {
                abandoned.computeIfAbsent(key, k -> new ArrayList<>()).add(touch);
            }
        }
        abandoned.values().forEach(rows -> journeys.add(Journey.abandoned(touchesOf(rows))));
        return new Built(journeys, converting, unattributed, unattributedValue);
    }

    private static List<TouchRow> within(@Nullable List<TouchRow> touches, Instant from, Instant to) {
        if (touches == null) {
            return List.of();
        }
        return touches.stream()
                .filter(touch -> !touch.at().isBefore(from) && !touch.at().isAfter(to))
                .toList();
    }

    private static List<Touch> touchesOf(List<TouchRow> rows) {
        return rows.stream().map(row -> new Touch(row.point(), row.at())).toList();
    }
}
