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
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds a period's journeys. A conversion takes the touches of its visitor key inside the lookback
 * window {@code [conversion − lookback, conversion]} (both ends included: a touch one second earlier
 * is out; the lookback is the touch's campaign's own when it sets one, see {@link Rules}); with no
 * such touch, those of its household key. A conversion with neither is
 * unattributed. A conversion carrying a booking's promo code (matched exactly, ignoring case) gains a
 * touch of that booking at the conversion — unless one of its touches is a vanity click, which takes
 * precedence. The touches of the period whose visitor (or, without one, household) never
 * converted make one non-converting journey each, which the Markov model needs.
 */
final class Journeys {

    /** The journeys of a period and the conversions no touch reached; the converting ones' matches first. */
    record Built(
            List<Journey> journeys,
            List<Matched> matched,
            int converting,
            int unattributed,
            double unattributedValue,
            int estimated) {}

    /**
     * A household key behind which more than this many listeners or visitors were seen in the period is
     * a shared address (a mobile carrier's, an office's): conversions matched through it are estimated,
     * the rest confirmed (after Chartable's "confirmed" and "estimated" households).
     */
    static final int SHARED_HOUSEHOLD = 8;

    /** A conversion with the key it was matched by, its touches, and whether its booking's promo code was a touch. */
    record Matched(Conversion conversion, String key, List<TouchRow> touches, boolean promoCode) {}

    /**
     * Which touches count for a conversion: inside the lookback of the touch's campaign (the period's
     * when the campaign sets none), and not a touch of a campaign that excludes prior customers when the
     * conversion's visitor or household converted before that campaign started, nor a touch of a
     * household the campaign holds out.
     */
    record Rules(
            Duration lookback,
            Map<UUID, Duration> lookbacks,
            Map<UUID, Set<String>> priorCustomers,
            Map<UUID, Double> holdouts) {

        static Rules plain(Duration lookback) {
            return new Rules(lookback, Map.of(), Map.of(), Map.of());
        }

        /** Whether the touch reached a household the campaign holds out (it heard a public-service ad instead). */
        boolean heldOut(TouchRow touch) {
            UUID campaign = touch.campaign();
            Double share = campaign == null ? null : holdouts.get(campaign);
            String unit = touch.household() != null ? touch.household() : touch.visitor();
            return campaign != null && share != null && unit != null && Holdouts.heldOut(campaign, unit, share);
        }

        /** The longest lookback any touch may have: how far before the period touches are read. */
        Duration longest() {
            return lookbacks.values().stream().reduce(lookback, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }

        boolean counts(TouchRow touch, Conversion conversion, List<String> keys) {
            UUID campaign = touch.campaign();
            Duration window = campaign == null ? lookback : lookbacks.getOrDefault(campaign, lookback);
            if (touch.at().isBefore(conversion.at().minus(window)) || touch.at().isAfter(conversion.at())) {
                return false;
            }
            Set<String> prior = campaign == null ? null : priorCustomers.get(campaign);
            return (prior == null || keys.stream().noneMatch(prior::contains)) && !heldOut(touch);
        }
    }

    private static final String VANITY_CLICK = "vanity_click";

    private Journeys() {}

    static Built build(
            List<Conversion> conversions,
            List<TouchRow> touches,
            Rules rules,
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
        List<Matched> matches = new ArrayList<>();
        for (Conversion conversion : conversions) {
            List<String> keys = keys(conversion);
            List<TouchRow> matched = conversion.visitor() == null
                    ? List.of()
                    : counted(byVisitor.get(conversion.visitor()), conversion, keys, rules);
            String key = "v:" + conversion.visitor();
            if (matched.isEmpty() && conversion.household() != null) {
                matched = counted(byHousehold.get(conversion.household()), conversion, keys, rules);
                key = "h:" + conversion.household();
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
            Optional<String> promo = clicked ? Optional.empty() : promoPoint.apply(conversion);
            promo.ifPresent(point -> path.add(new Touch(point, conversion.at())));
            if (path.isEmpty()) {
                unattributed++;
                unattributedValue += conversion.value();
                continue;
            }
            journeys.add(Journey.converted(path, conversion.at(), conversion.value()));
            matches.add(new Matched(conversion, matched.isEmpty() ? keys.getFirst() : key, matched, promo.isPresent()));
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
        Map<String, Set<String>> seen = new HashMap<>();
        for (TouchRow touch : touches) {
            String who = touch.listener() != null ? "l:" + touch.listener() : touch.visitor();
            if (touch.household() != null && who != null) {
                seen.computeIfAbsent(touch.household(), h -> new HashSet<>()).add(who);
            }
        }
        int estimated = (int) matches.stream()
                .filter(m -> m.key().startsWith("h:")
                        && seen.getOrDefault(m.key().substring(2), Set.of()).size() > SHARED_HOUSEHOLD)
                .count();
        return new Built(journeys, matches, converting, unattributed, unattributedValue, estimated);
    }

    private static List<String> keys(Conversion conversion) {
        List<String> keys = new ArrayList<>(2);
        if (conversion.visitor() != null) {
            keys.add("v:" + conversion.visitor());
        }
        if (conversion.household() != null) {
            keys.add("h:" + conversion.household());
        }
        return keys.isEmpty() ? List.of("(none)") : keys;
    }

    private static List<TouchRow> counted(
            @Nullable List<TouchRow> touches, Conversion conversion, List<String> keys, Rules rules) {
        if (touches == null) {
            return List.of();
        }
        return touches.stream()
                .filter(touch -> rules.counts(touch, conversion, keys))
                .toList();
    }

    private static List<Touch> touchesOf(List<TouchRow> rows) {
        return rows.stream().map(row -> new Touch(row.point(), row.at())).toList();
    }
}
