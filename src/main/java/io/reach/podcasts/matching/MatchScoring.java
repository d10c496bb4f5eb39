package io.reach.podcasts.matching;

import io.reach.podcasts.matching.Profiles.Evidence;
import io.reach.podcasts.matching.Profiles.PodcastProfile;
import io.reach.podcasts.matching.Profiles.SponsorProfile;
import io.reach.podcasts.transcripts.Embeddings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores how well a podcast fits a sponsor: each {@link MatchSignal} valued from 0 to 1 with the
 * reason in words, the score their weighted sum. Pure and deterministic: the same profiles give the
 * same score. A signal without the facts to judge by is 0.5 (neither for nor against) and says so.
 */
final class MatchScoring {

    static final double UNKNOWN = 0.5;

    /** A cosine similarity at or above this counts as a full topical fit (MiniLM: related texts 0.3–0.6). */
    static final double FULL_TOPICAL_COSINE = 0.5;

    /** The share of segments flagged in an excluded category at which brand safety reaches 0. */
    static final double UNSAFE_SHARE = 0.05;

    private MatchScoring() {}

    /** One signal's value, weight and contribution to the score, and why. */
    record SignalScore(
            MatchSignal signal,
            double value,
            double weight,
            double contribution,
            String explanation,
            List<Evidence> evidence) {}

    /** The score and its signals. */
    record Fit(double score, List<SignalScore> signals, String rationale) {}

    static Fit fit(SponsorProfile sponsor, PodcastProfile podcast) {
        List<SignalScore> signals = List.of(
                topical(sponsor, podcast),
                category(sponsor, podcast),
                audience(sponsor, podcast),
                safety(sponsor, podcast),
                budget(sponsor, podcast));
        double score =
                round(signals.stream().mapToDouble(SignalScore::contribution).sum());
        String rationale = String.format(Locale.ROOT, "%s scores %.4f for %s: ", podcast.name(), score, sponsor.name())
                + signals.stream()
                        .map(s -> String.format(
                                Locale.ROOT,
                                "%s %.2f × %.2f = %.4f (%s)",
                                s.signal().code(),
                                s.value(),
                                s.weight(),
                                s.contribution(),
                                s.explanation()))
                        .collect(Collectors.joining("; "))
                + ".";
        return new Fit(score, signals, rationale.length() > 4000 ? rationale.substring(0, 3999) + "…" : rationale);
    }

    private static SignalScore topical(SponsorProfile sponsor, PodcastProfile podcast) {
        float[] mine = sponsor.embedding();
        float[] theirs = podcast.embedding();
        if (mine == null || theirs == null) {
            return signal(
                    MatchSignal.TOPICAL_FIT,
                    UNKNOWN,
                    mine == null ? "the sponsor has no description to compare" : "the podcast has no words to compare");
        }
        double cosine = Embeddings.cosine(mine, theirs);
        double value = clamp(cosine / FULL_TOPICAL_COSINE);
        String over = podcast.transcribedEpisodes() > 0
                ? podcast.transcribedEpisodes() + " transcribed episode"
                        + (podcast.transcribedEpisodes() == 1 ? "" : "s")
                : "the podcast's description (no transcript yet)";
        return signal(
                MatchSignal.TOPICAL_FIT,
                value,
                String.format(
                        Locale.ROOT,
                        "the sponsor's description and %s have a cosine similarity of %.3f",
                        over,
                        cosine));
    }

    private static SignalScore category(SponsorProfile sponsor, PodcastProfile podcast) {
        String industry = sponsor.industry();
        String category = podcast.category();
        if (industry == null || category == null) {
            return signal(
                    MatchSignal.CATEGORY_FIT,
                    UNKNOWN,
                    industry == null ? "the sponsor names no industry" : "the podcast names no category");
        }
        Set<String> fits = IndustryCategories.of(industry);
        String top = IndustryCategories.topLevel(category);
        if (fits.isEmpty()) {
            return signal(MatchSignal.CATEGORY_FIT, UNKNOWN, "no category is known to suit the industry " + industry);
        }
        boolean fit = fits.contains(top);
        return signal(
                MatchSignal.CATEGORY_FIT,
                fit ? 1 : 0,
                "the industry " + industry + (fit ? " suits the category " : " does not suit the category ")
                        + category);
    }

    private static SignalScore audience(SponsorProfile sponsor, PodcastProfile podcast) {
        List<String> parts = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        share(sponsor.countries(), podcast.countries(), "countries", parts, values);
        share(sponsor.devices(), podcast.devices(), "devices", parts, values);
        if (values.isEmpty()) {
            return signal(MatchSignal.AUDIENCE_FIT, 1, "the sponsor targets no country or device");
        }
        double value =
                values.stream().mapToDouble(Double::doubleValue).average().orElse(UNKNOWN);
        return signal(MatchSignal.AUDIENCE_FIT, value, String.join(", ", parts));
    }

    private static void share(
            List<String> wanted, Map<String, Long> measured, String what, List<String> parts, List<Double> values) {
        if (wanted.isEmpty()) {
            return;
        }
        long total = measured.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            parts.add("no measured downloads by " + what + " yet");
            values.add(UNKNOWN);
            return;
        }
        long matching = measured.entrySet().stream()
                .filter(e -> wanted.stream().anyMatch(w -> w.equalsIgnoreCase(e.getKey())))
                .mapToLong(Map.Entry::getValue)
                .sum();
        double share = (double) matching / total;
        parts.add(String.format(
                Locale.ROOT,
                "%.0f%% of 90 days' downloads come from the targeted %s (%s)",
                share * 100,
                what,
                String.join(", ", wanted)));
        values.add(share);
    }

    private static SignalScore safety(SponsorProfile sponsor, PodcastProfile podcast) {
        if (podcast.segments() == 0) {
            return signal(MatchSignal.BRAND_SAFETY, UNKNOWN, "no transcript to check");
        }
        if (sponsor.excluded().isEmpty()) {
            return new SignalScore(
                    MatchSignal.BRAND_SAFETY,
                    1,
                    MatchSignal.BRAND_SAFETY.weight(),
                    round(MatchSignal.BRAND_SAFETY.weight()),
                    "the sponsor excludes no category" + flaggedNote(podcast),
                    List.of());
        }
        long flagged = sponsor.excluded().stream()
                .mapToLong(c -> podcast.flagged().getOrDefault(c, 0L))
                .sum();
        double share = (double) flagged / podcast.segments();
        double value = clamp(1 - share / UNSAFE_SHARE);
        List<Evidence> evidence = podcast.evidence().stream()
                .filter(e -> e.categories().stream().anyMatch(sponsor.excluded()::contains))
                .limit(3)
                .toList();
        String explanation = flagged == 0
                ? "no segment of " + podcast.segments() + " is flagged " + String.join(" or ", sponsor.excluded())
                : String.format(
                        Locale.ROOT,
                        "%d of %d segments (%.1f%%) are flagged %s, which the sponsor excludes",
                        flagged,
                        podcast.segments(),
                        share * 100,
                        String.join(" or ", sponsor.excluded()));
        double weight = MatchSignal.BRAND_SAFETY.weight();
        return new SignalScore(
                MatchSignal.BRAND_SAFETY, round(value), weight, round(value * weight), explanation, evidence);
    }

    private static String flaggedNote(PodcastProfile podcast) {
        return podcast.flagged().isEmpty() ? "" : " (flagged: " + podcast.flagged() + ")";
    }

    private static SignalScore budget(SponsorProfile sponsor, PodcastProfile podcast) {
        BigDecimal cpm = sponsor.maxCpm();
        BigDecimal budget = sponsor.budget();
        if (cpm == null || budget == null) {
            return signal(MatchSignal.BUDGET_FIT, 1, "the sponsor gives no budget and CPM to compare");
        }
        if (podcast.monthlyDownloads() == 0) {
            return signal(MatchSignal.BUDGET_FIT, UNKNOWN, "the podcast has no counted downloads in 30 days");
        }
        double cost = podcast.monthlyDownloads() * cpm.doubleValue() / 1000;
        double value = cost <= 0 ? 1 : clamp(budget.doubleValue() / cost);
        return signal(
                MatchSignal.BUDGET_FIT,
                value,
                String.format(
                        Locale.ROOT,
                        "30 days' %d downloads at a CPM of %s cost %.2f against a budget of %s",
                        podcast.monthlyDownloads(),
                        cpm.toPlainString(),
                        cost,
                        budget.toPlainString()));
    }

    private static SignalScore signal(MatchSignal signal, double value, String explanation) {
        double rounded = round(value);
        return new SignalScore(
                signal, rounded, signal.weight(), round(rounded * signal.weight()), explanation, List.of());
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
