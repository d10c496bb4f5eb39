package io.reach.attribution.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first-order Markov chain of journeys: a start state, one state per touch point (a point
 * touched several times in a row is one visit), and two absorbing states, conversion and null
 * (a journey that did not convert). Transition probabilities are the observed transition counts
 * over each state's total.
 *
 * <p>The removal effect of a point r is {@code 1 − P(conversion | r removed) / P(conversion)},
 * where removing r sends every transition into r to null. Both probabilities are computed exactly
 * from one inverse of {@code I − Q} (the fundamental matrix N of the transient states): with x the
 * absorption probabilities into conversion, a walk converts without visiting r with probability
 * {@code x(start) − h(start, r)·x(r)}, where {@code h(start, r) = N[start][r] / N[r][r]} is the
 * probability of ever visiting r (strong Markov property). No simulation, no iteration.
 */
final class MarkovChain {

    /** The largest number of touch points solved at once (an inverse of this size takes about a second). */
    static final int MAX_POINTS = 1500;

    private final List<String> points;
    private final double[][] transitions;
    private final double[] toConversion;
    private final double[] toNull;
    private final double conversions;
    private final double value;

    private MarkovChain(
            List<String> points,
            double[][] transitions,
            double[] toConversion,
            double[] toNull,
            double conversions,
            double value) {
        this.points = points;
        this.transitions = transitions;
        this.toConversion = toConversion;
        this.toNull = toNull;
        this.conversions = conversions;
        this.value = value;
    }

    /** Counts the transitions of the journeys (state 0 is the start, point i is state i + 1). */
    static MarkovChain of(List<Journey> journeys) {
        Map<String, Integer> index = new HashMap<>();
        List<String> points = new ArrayList<>();
        List<int[]> paths = new ArrayList<>(journeys.size());
        for (Journey journey : journeys) {
            List<Integer> states = new ArrayList<>();
            for (Touch touch : journey.touches()) {
                int state = index.computeIfAbsent(touch.point(), point -> {
                    points.add(point);
                    return points.size();
                });
                if (states.isEmpty() || states.getLast() != state) {
                    states.add(state);
                }
            }
            paths.add(states.stream().mapToInt(Integer::intValue).toArray());
        }
        if (points.size() > MAX_POINTS) {
            throw new IllegalArgumentException("The Markov model solves at most " + MAX_POINTS
                    + " touch points at once; these journeys have " + points.size() + " (group them coarser)");
        }
        int size = points.size() + 1;
        double[][] transitions = new double[size][size];
        double[] toConversion = new double[size];
        double[] toNull = new double[size];
        double conversions = 0;
        double value = 0;
        for (int j = 0; j < paths.size(); j++) {
            int[] path = paths.get(j);
            int from = 0;
            for (int state : path) {
                transitions[from][state]++;
                from = state;
            }
            if (journeys.get(j).converts()) {
                toConversion[from]++;
                conversions++;
                value += journeys.get(j).value();
            } else {
                toNull[from]++;
            }
        }
        return new MarkovChain(List.copyOf(points), transitions, toConversion, toNull, conversions, value);
    }

    /** Each point's removal effect (by point, in state order). */
    double[] removalEffects() {
        int size = points.size() + 1;
        double[][] identityMinusQ = new double[size][size];
        double[] b = new double[size];
        for (int s = 0; s < size; s++) {
            double out = toConversion[s] + toNull[s];
            for (int t = 0; t < size; t++) {
                out += transitions[s][t];
            }
            identityMinusQ[s][s] = 1;
            if (out == 0) {
                continue;
            }
            for (int t = 0; t < size; t++) {
                identityMinusQ[s][t] -= transitions[s][t] / out;
            }
            b[s] = toConversion[s] / out;
        }
        double[][] fundamental = Matrices.inverse(identityMinusQ);
        double[] absorbed = Matrices.times(fundamental, b);
        double converts = absorbed[0];
        double[] effects = new double[points.size()];
        if (converts <= 0) {
            return effects;
        }
        for (int r = 1; r < size; r++) {
            double visits = fundamental[0][r] / fundamental[r][r];
            double withoutR = Math.max(0, converts - visits * absorbed[r]);
            effects[r - 1] = Math.max(0, 1 - withoutR / converts);
        }
        return effects;
    }

    /** The conversions and value shared in proportion to the removal effects. */
    Credits credits() {
        Credits credits = new Credits();
        double[] effects = removalEffects();
        double sum = 0;
        for (double effect : effects) {
            sum += effect;
        }
        if (sum == 0) {
            return credits;
        }
        for (int i = 0; i < effects.length; i++) {
            if (effects[i] > 0) {
                credits.put(points.get(i), conversions * effects[i] / sum, value * effects[i] / sum);
            }
        }
        return credits;
    }

    List<String> points() {
        return points;
    }
}
