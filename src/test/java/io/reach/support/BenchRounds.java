package io.reach.support;

import java.util.List;
import java.util.Locale;

/**
 * What every benchmark reports about its rounds: the spread (min / median / max) of a figure, and a
 * loud failure when a round's own baseline is implausibly slow — a busy machine measures nothing, and
 * must not pass for a slow product or a fast one.
 */
public final class BenchRounds {

    private BenchRounds() {}

    /** {@code min / median / max} of the rounds' values, three decimals. */
    public static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "min %.3f / median %.3f / max %.3f",
                sorted.getFirst(),
                sorted.get(sorted.size() / 2),
                sorted.getLast());
    }

    /** The median of {@code values} (the mean of the middle two when even). */
    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Fails the run when a baseline measured below {@code floor} (per second). */
    public static void requirePlausible(String baseline, int round, double perSecond, double floor) {
        if (perSecond < floor) {
            throw new AssertionError(String.format(
                    Locale.ROOT,
                    "round %d: the baseline (%s) ran %.1f/s, under the %.0f/s this machine does when idle:"
                            + " the run measures the machine's load, not Reach",
                    round,
                    baseline,
                    perSecond,
                    floor));
        }
    }
}
