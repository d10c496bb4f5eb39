package io.reach.attribution.models;

import java.time.Duration;
import java.util.List;

/**
 * An attribution model: a rule that shares each conversion (and its value) among the touch points
 * of the journeys that led to it. Heuristic models credit each converting journey on its own;
 * {@link Markov} and {@link Shapley} look at all journeys, converting or not, together.
 */
public sealed interface Model {

    Credits credit(List<Journey> journeys);

    /** All the credit to the first touch. */
    record FirstTouch() implements Model {
        @Override
        public Credits credit(List<Journey> journeys) {
            return Heuristics.shares(journeys, (journey, at) -> at == 0 ? 1 : 0);
        }
    }

    /** All the credit to the last touch. */
    record LastTouch() implements Model {
        @Override
        public Credits credit(List<Journey> journeys) {
            return Heuristics.shares(
                    journeys, (journey, at) -> at == journey.touches().size() - 1 ? 1 : 0);
        }
    }

    /** An equal share to every touch (a touch point touched twice earns two shares). */
    record Linear() implements Model {
        @Override
        public Credits credit(List<Journey> journeys) {
            return Heuristics.shares(
                    journeys, (journey, at) -> 1.0 / journey.touches().size());
        }
    }

    /**
     * {@code first} to the first touch, {@code last} to the last and the rest split equally over the
     * touches between (40/20/40 by default); one touch takes it all, two share it as first : last.
     */
    record PositionBased(double first, double last) implements Model {

        public static final PositionBased DEFAULT = new PositionBased(0.4, 0.4);

        public PositionBased {
            if (!(first >= 0 && last >= 0 && first + last <= 1 + 1e-12 && first + last > 0)) {
                throw new IllegalArgumentException(
                        "Position-based weights are shares of one: first and last at least 0, together at most 1");
            }
        }

        @Override
        public Credits credit(List<Journey> journeys) {
            return Heuristics.shares(journeys, (journey, at) -> {
                int touches = journey.touches().size();
                if (touches == 1) {
                    return 1;
                }
                if (touches == 2) {
                    return (at == 0 ? first : last) / (first + last);
                }
                if (at == 0) {
                    return first;
                }
                return at == touches - 1 ? last : (1 - first - last) / (touches - 2);
            });
        }
    }

    /** Weights halving every {@code halfLife} before the conversion (2^(−Δt / half-life)), normalised per conversion. */
    record TimeDecay(Duration halfLife) implements Model {

        public static final TimeDecay DEFAULT = new TimeDecay(Duration.ofDays(7));

        public TimeDecay {
            if (halfLife.isNegative() || halfLife.isZero()) {
                throw new IllegalArgumentException("A half-life is longer than zero");
            }
        }

        @Override
        public Credits credit(List<Journey> journeys) {
            double halfLifeSeconds = halfLife.toMillis() / 1000.0;
            return Heuristics.normalised(journeys, (journey, at) -> {
                // Measured from the last touch, not the conversion: the normalisation cancels the
                // common factor, and weights of touches long before a conversion never underflow to zero.
                double seconds = Duration.between(
                                        journey.touches().get(at).at(),
                                        journey.touches().getLast().at())
                                .toMillis()
                        / 1000.0;
                return Math.pow(2, -seconds / halfLifeSeconds);
            });
        }
    }

    /** The first-order Markov removal effect, solved exactly on the absorbing chain. */
    record Markov() implements Model {
        @Override
        public Credits credit(List<Journey> journeys) {
            return MarkovChain.of(journeys).credits();
        }
    }

    /** The Shapley value of the game "conversions whose distinct touch points all lie in the coalition". */
    record Shapley() implements Model {
        @Override
        public Credits credit(List<Journey> journeys) {
            return Heuristics.shares(journeys, (journey, at) -> {
                List<String> points = journey.points();
                // A touch point's share of a unanimity game is 1/|its players|, given once per distinct point.
                return points.indexOf(points.get(at)) == at
                        ? 1.0 / points.stream().distinct().count()
                        : 0;
            });
        }
    }
}
