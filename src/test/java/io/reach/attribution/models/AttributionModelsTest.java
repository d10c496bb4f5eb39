package io.reach.attribution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Every model on published examples and on fixtures computed by hand as exact fractions. Sources:
 * the pychattr README (github.com/jmwoloso/pychattr, whose Markov figures are simulated: the exact
 * solve must sit inside their noise), the removal-effect examples of analyzecore.com (2016-08-03,
 * "Attribution model with R, part 1") and serhiipuzyrov.com (2019-07, "Markov chain attribution:
 * simple explanation of removal effect"), Google Ads' position-based and time-decay definitions.
 */
class AttributionModelsTest {

    static final Offset<Double> EXACT = within(1e-9);
    static final Instant CONVERSION = Instant.parse("2026-11-30T12:00:00Z");

    /** A converting journey: touch points an hour apart, the last an hour before the conversion. */
    static Journey converted(double value, String path) {
        return Journey.converted(touches(path), CONVERSION, value);
    }

    static Journey abandoned(String path) {
        return Journey.abandoned(touches(path));
    }

    static List<Touch> touches(String path) {
        String[] points = path.split(" > ");
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            touches.add(new Touch(points[i], CONVERSION.minus(Duration.ofHours(points.length - i))));
        }
        return touches;
    }

    static List<Journey> pychattr() {
        return List.of(converted(1, "A > B > A > B > B > A"), converted(1, "A > B > B > A > A"), converted(1, "A > A"));
    }

    @Test
    void pychattrsExampleUnderTheHeuristics() {
        Credits first = new Model.FirstTouch().credit(pychattr());
        assertThat(first.of("A").conversions()).isCloseTo(3, EXACT);
        assertThat(first.of("B").conversions()).isZero();
        assertThat(new Model.LastTouch().credit(pychattr()).of("A").value()).isCloseTo(3, EXACT);
        Credits linear = new Model.Linear().credit(pychattr());
        assertThat(linear.of("A").conversions())
                .as("a share per touch occurrence: 3/6 + 3/5 + 2/2")
                .isCloseTo(2.1, EXACT);
        assertThat(linear.of("B").conversions()).isCloseTo(0.9, EXACT);
    }

    @Test
    void pychattrsExampleUnderMarkovIsTheExactValueOfItsSimulation() {
        MarkovChain chain = MarkovChain.of(pychattr());
        double[] effects = chain.removalEffects();
        assertThat(chain.points()).containsExactly("A", "B");
        assertThat(effects[0]).isCloseTo(1.0, EXACT);
        assertThat(effects[1]).as("published 0.5067 from 10,000 simulations").isCloseTo(0.5, EXACT);
        Credits credits = new Model.Markov().credit(pychattr());
        assertThat(credits.of("A").conversions()).isCloseTo(2, EXACT).isCloseTo(1.991106, within(0.02));
        assertThat(credits.of("B").conversions()).isCloseTo(1, EXACT).isCloseTo(1.008894, within(0.02));
    }

    @Test
    void analyzecoresThreeJourneys() {
        List<Journey> journeys = List.of(converted(1000, "C1 > C2 > C3"), abandoned("C1"), abandoned("C2 > C3"));
        double[] effects = MarkovChain.of(journeys).removalEffects();
        assertThat(effects).containsExactly(new double[] {0.5, 1, 1}, within(1e-12));
        Credits credits = new Model.Markov().credit(journeys);
        assertThat(credits.of("C1").conversions()).isCloseTo(0.2, EXACT);
        assertThat(credits.of("C2").conversions()).isCloseTo(0.4, EXACT);
        assertThat(credits.of("C3").value()).isCloseTo(400, EXACT);
        assertThat(credits.of("C1").value()).isCloseTo(200, EXACT);
    }

    @Test
    void puzyrovsGoogleAdsAndMailing() {
        List<Journey> journeys = List.of(
                converted(10, "google ads"),
                converted(10, "google ads"),
                converted(10, "mailing"),
                converted(10, "google ads > mailing"),
                abandoned("google ads"));
        double[] effects = MarkovChain.of(journeys).removalEffects();
        assertThat(effects[0]).as("P falls from 0.8 to 0.2").isCloseTo(0.75, EXACT);
        assertThat(effects[1]).as("P falls from 0.8 to 0.4").isCloseTo(0.5, EXACT);
        Credits credits = new Model.Markov().credit(journeys);
        assertThat(credits.of("google ads").conversions()).isCloseTo(2.4, EXACT);
        assertThat(credits.of("mailing").conversions()).isCloseTo(1.6, EXACT);
        assertThat(credits.of("mailing").value()).isCloseTo(16, EXACT);
    }

    @Test
    void consecutiveRepeatsAreOneVisitAndLoopsAreSolvedNotWalked() {
        // A > B > A converts, A > B does not: start→A 1; A→B 2/3, A→conv 1/3; B→A 1/2, B→null 1/2.
        // x_A = 2/3·x_B + 1/3, x_B = 1/2·x_A  ⇒  x_A = 1/2. Without B: 1/3 ⇒ effect 1/3. Without A: 0 ⇒ 1.
        List<Journey> journeys = List.of(converted(1, "A > A > B > B > A"), abandoned("A > B"));
        double[] effects = MarkovChain.of(journeys).removalEffects();
        assertThat(effects).containsExactly(new double[] {1, 1.0 / 3}, within(1e-12));
        Credits credits = new Model.Markov().credit(journeys);
        assertThat(credits.of("A").conversions()).isCloseTo(0.75, EXACT);
        assertThat(credits.of("B").conversions()).isCloseTo(0.25, EXACT);
    }

    @Test
    void timeDecayHalvesTheCreditEveryHalfLife() {
        // Google Ads: a click 8 days before a conversion gets half the credit of one a day before.
        List<Touch> touches = List.of(
                new Touch("display", CONVERSION.minus(Duration.ofDays(22))),
                new Touch("social", CONVERSION.minus(Duration.ofDays(15))),
                new Touch("email", CONVERSION.minus(Duration.ofDays(8))),
                new Touch("search", CONVERSION.minus(Duration.ofDays(1))));
        Credits credits = Model.TimeDecay.DEFAULT.credit(List.of(Journey.converted(touches, CONVERSION, 150)));
        assertThat(credits.of("search").conversions()).isCloseTo(8.0 / 15, EXACT);
        assertThat(credits.of("email").conversions()).isCloseTo(4.0 / 15, EXACT);
        assertThat(credits.of("social").conversions()).isCloseTo(2.0 / 15, EXACT);
        assertThat(credits.of("display").value()).isCloseTo(10, EXACT);
        Credits yearsApart = new Model.TimeDecay(Duration.ofHours(1))
                .credit(List.of(Journey.converted(
                        List.of(
                                new Touch("old", CONVERSION.minus(Duration.ofDays(3000))),
                                new Touch("new", CONVERSION)),
                        CONVERSION,
                        1)));
        assertThat(yearsApart.of("new").conversions()).as("no underflow to 0/0").isCloseTo(1, EXACT);
    }

    @Test
    void positionBasedGivesFortyTwentyForty() {
        Credits ga = Model.PositionBased.DEFAULT.credit(List.of(converted(100, "ads > social > email > direct")));
        assertThat(ga.of("ads").conversions()).isCloseTo(0.4, EXACT);
        assertThat(ga.of("social").conversions()).isCloseTo(0.1, EXACT);
        assertThat(ga.of("email").value()).isCloseTo(10, EXACT);
        assertThat(ga.of("direct").conversions()).isCloseTo(0.4, EXACT);
        // Optimize Smart: A > B > B > C gives B 20 %; A > A > B gives A 60 %.
        assertThat(Model.PositionBased.DEFAULT
                        .credit(List.of(converted(1, "A > B > B > C")))
                        .of("B")
                        .conversions())
                .isCloseTo(0.2, EXACT);
        assertThat(Model.PositionBased.DEFAULT
                        .credit(List.of(converted(1, "A > A > B")))
                        .of("A")
                        .conversions())
                .isCloseTo(0.6, EXACT);
        assertThat(Model.PositionBased.DEFAULT
                        .credit(List.of(converted(1, "A > B")))
                        .of("B")
                        .conversions())
                .isCloseTo(0.5, EXACT);
        assertThat(Model.PositionBased.DEFAULT
                        .credit(List.of(converted(1, "A")))
                        .of("A")
                        .conversions())
                .isCloseTo(1, EXACT);
        Credits custom =
                new Model.PositionBased(0.3, 0.1).credit(List.of(converted(1, "A > B"), converted(1, "A > B > C")));
        assertThat(custom.of("A").conversions()).as("3/4 + 3/10").isCloseTo(1.05, EXACT);
        assertThat(custom.of("B").conversions()).as("1/4 + 6/10").isCloseTo(0.85, EXACT);
    }

    @Test
    void shapleyOnAHandComputedGame() {
        // v(S) counts the conversions whose distinct points lie in S: {A,B}, {A}, {A,B,C} (A twice).
        List<Journey> journeys =
                List.of(converted(6, "A > B"), converted(6, "A"), converted(6, "A > B > A > C"), abandoned("C"));
        Credits credits = new Model.Shapley().credit(journeys);
        assertThat(credits.of("A").conversions()).isCloseTo(11.0 / 6, EXACT);
        assertThat(credits.of("B").conversions()).isCloseTo(5.0 / 6, EXACT);
        assertThat(credits.of("C").conversions()).isCloseTo(1.0 / 3, EXACT);
        assertThat(credits.of("C").value()).isCloseTo(2, EXACT);
        Map<String, Double> byDefinition = shapleyByDefinition(journeys);
        assertThat(byDefinition).containsOnlyKeys("A", "B", "C");
        assertThat(byDefinition.get("A")).isCloseTo(11.0 / 6, EXACT);
        assertThat(byDefinition.get("C")).isCloseTo(1.0 / 3, EXACT);
    }

    /** φ_i = Σ over coalitions S without i of |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)), by enumeration. */
    static Map<String, Double> shapleyByDefinition(List<Journey> journeys) {
        List<String> players = journeys.stream()
                .flatMap(journey -> journey.points().stream())
                .distinct()
                .sorted()
                .toList();
        int n = players.size();
        double[] v = new double[1 << n];
        for (int coalition = 0; coalition < v.length; coalition++) {
            for (Journey journey : journeys) {
                int members = 0;
                for (String point : journey.points()) {
                    members |= 1 << players.indexOf(point);
                }
                if (journey.converts() && (members & ~coalition) == 0) {
                    v[coalition]++;
                }
            }
        }
        double[] factorial = new double[n + 1];
        factorial[0] = 1;
        for (int i = 1; i <= n; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        java.util.TreeMap<String, Double> values = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            double phi = 0;
            for (int coalition = 0; coalition < v.length; coalition++) {
                if ((coalition & 1 << i) == 0) {
                    int size = Integer.bitCount(coalition);
                    phi += factorial[size]
                            * factorial[n - size - 1]
                            / factorial[n]
                            * (v[coalition | 1 << i] - v[coalition]);
                }
            }
            if (phi != 0) {
                values.put(players.get(i), phi);
            }
        }
        return values;
    }

    @Test
    void badParametersAreRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Model.PositionBased(0.7, 0.4));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Model.TimeDecay(Duration.ZERO));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Journey.converted(touches("A"), CONVERSION.minus(Duration.ofDays(1)), 1));
        assertThat(Arrays.asList(new Model.Markov()
                        .credit(List.of(abandoned("A")))
                        .byPoint()
                        .keySet()
                        .toArray()))
                .as("no conversions, no credit")
                .isEmpty();
    }
}
