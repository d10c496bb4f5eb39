package io.reach.attribution.models;

import java.util.List;

/** Credits each converting journey on its own, by a weight per touch. */
final class Heuristics {

    private Heuristics() {}

    /** A touch's weight in its journey: the {@code at}th touch of {@code journey}. */
    @FunctionalInterface
    interface Weight {
        double of(Journey journey, int at);
    }

    /** Weights that are already shares of one conversion. */
    static Credits shares(List<Journey> journeys, Weight weight) {
        Credits credits = new Credits();
        for (Journey journey : journeys) {
            if (!journey.converts()) {
                continue;
            }
            for (int at = 0; at < journey.touches().size(); at++) {
                double share = weight.of(journey, at);
                if (share != 0) {
                    credits.add(journey.touches().get(at).point(), share, journey.value());
                }
            }
        }
        return credits;
    }

    /** Weights divided by their sum in each journey. */
    static Credits normalised(List<Journey> journeys, Weight weight) {
        Credits credits = new Credits();
        for (Journey journey : journeys) {
            if (!journey.converts()) {
                continue;
            }
            int touches = journey.touches().size();
            double[] weights = new double[touches];
            double sum = 0;
            for (int at = 0; at < touches; at++) {
                weights[at] = weight.of(journey, at);
                sum += weights[at];
            }
            for (int at = 0; at < touches; at++) {
                credits.add(journey.touches().get(at).point(), weights[at] / sum, journey.value());
            }
        }
        return credits;
    }
}
