package io.reach.attribution.models;

import static io.reach.attribution.models.AttributionModelsTest.converted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** What holds for any journeys: credit adds up, Shapley meets its definition, Markov meets a simulation of its chain. */
class AttributionPropertiesTest {

    static final List<Model> MODELS = List.of(
            new Model.FirstTouch(),
            new Model.LastTouch(),
            new Model.Linear(),
            Model.PositionBased.DEFAULT,
            Model.TimeDecay.DEFAULT,
            new Model.Markov(),
            new Model.Shapley());

    @Provide
    Arbitrary<List<Journey>> journeys() {
        Arbitrary<String> path = Arbitraries.of("a", "b", "c", "d", "e")
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(points -> String.join(" > ", points));
        Arbitrary<Journey> journey = Arbitraries.oneOf(
                path.map(p -> converted(10, p)),
                path.map(p -> converted(3, p)),
                path.map(AttributionModelsTest::abandoned));
        return journey.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void everyModelSharesOutExactlyTheConversionsAndTheirValue(@ForAll("journeys") List<Journey> journeys) {
        double conversions = journeys.stream().filter(Journey::converts).count();
        double value = journeys.stream()
                .filter(Journey::converts)
                .mapToDouble(Journey::value)
                .sum();
        for (Model model : MODELS) {
            Credits credits = model.credit(journeys);
            double credited = credits.totalConversions();
            if (model instanceof Model.Markov && credited == 0) {
                continue; // no journey converts through a point whose removal matters
            }
            assertThat(credited).as(model.toString()).isCloseTo(conversions, within(1e-9));
            assertThat(credits.byPoint().values().stream()
                            .mapToDouble(Credits.Credit::value)
                            .sum())
                    .as(model.toString())
                    .isCloseTo(value, within(1e-9));
        }
    }

    @Property(tries = 100)
    void shapleysClosedFormIsItsDefinition(@ForAll("journeys") List<Journey> journeys) {
        Map<String, Double> byDefinition = AttributionModelsTest.shapleyByDefinition(journeys);
        Credits credits = new Model.Shapley().credit(journeys);
        assertThat(credits.byPoint().keySet()).isEqualTo(byDefinition.keySet());
        byDefinition.forEach((point, phi) ->
                assertThat(credits.of(point).conversions()).as(point).isCloseTo(phi, within(1e-9)));
    }

    /**
     * Walks the chain the journeys define 200,000 times from the start: the share of walks that
     * convert, and that convert without visiting a point, estimate P(conversion) and P(conversion |
     * point removed). The exact solve must lie within five standard errors of every estimate.
     */
    @Property(tries = 15)
    void theExactSolveAgreesWithMonteCarlo(
            @ForAll("journeys") List<Journey> journeys, @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        MarkovChain chain = MarkovChain.of(journeys);
        double[] exact = chain.removalEffects();
        Walks walks = Walks.of(journeys, chain.points());
        int n = 200_000;
        SplittableRandom random = new SplittableRandom(seed);
        long converted = 0;
        long[] convertedWithout = new long[chain.points().size()];
        for (int i = 0; i < n; i++) {
            boolean[] visited = new boolean[chain.points().size() + 1];
            int state = 0;
            int outcome;
            while (true) {
                outcome = walks.next(state, random);
                if (outcome < 0) {
                    break;
                }
                state = outcome;
                visited[state] = true;
            }
            if (outcome == Walks.CONVERSION) {
                converted++;
                for (int p = 0; p < convertedWithout.length; p++) {
                    if (!visited[p + 1]) {
                        convertedWithout[p]++;
                    }
                }
            }
        }
        if (converted < 1000) {
            return; // too few conversions for a tight estimate
        }
        for (int p = 0; p < exact.length; p++) {
            double estimate = 1 - (double) convertedWithout[p] / converted;
            double error = Math.sqrt(Math.max(estimate * (1 - estimate), 1e-4) / converted);
            assertThat(exact[p]).as(chain.points().get(p)).isCloseTo(estimate, within(5 * error + 1e-9));
        }
    }

    /** The chain's transitions as counts to draw from: the next state, or an absorbing outcome. */
    record Walks(List<Map<Integer, Long>> counts, long[] totals) {
        static final int CONVERSION = -1;
        static final int NULL = -2;

        static Walks of(List<Journey> journeys, List<String> points) {
            List<Map<Integer, Long>> counts = new ArrayList<>();
            for (int s = 0; s <= points.size(); s++) {
                counts.add(new HashMap<>());
            }
            for (Journey journey : journeys) {
                int from = 0;
                for (String point : journey.points()) {
                    int state = points.indexOf(point) + 1;
                    if (state != from) {
                        counts.get(from).merge(state, 1L, Long::sum);
                        from = state;
                    }
                }
                counts.get(from).merge(journey.converts() ? CONVERSION : NULL, 1L, Long::sum);
            }
            long[] totals = counts.stream()
                    .mapToLong(
                            m -> m.values().stream().mapToLong(Long::longValue).sum())
                    .toArray();
            return new Walks(counts, totals);
        }

        int next(int state, SplittableRandom random) {
            long pick = random.nextLong(totals[state]);
            for (Map.Entry<Integer, Long> entry : counts.get(state).entrySet()) {
                pick -= entry.getValue();
                if (pick < 0) {
                    return entry.getKey();
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }
}
