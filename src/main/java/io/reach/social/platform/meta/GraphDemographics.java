package io.reach.social.platform.meta;

import io.reach.social.platform.SocialProvider;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The audience as Instagram and Threads report it: the {@code follower_demographics} metric asked
 * for once per breakdown ({@code age}, {@code gender}, {@code country}, {@code city}), each answer
 * {@code data[].total_value.breakdowns[].results[]} of {@code {"dimension_values": ["F"], "value": 120}}.
 * Meta answers nothing for accounts with fewer than 100 followers; then the buckets are empty.
 */
final class GraphDemographics {

    private GraphDemographics() {}

    /** The audience of {@code date} from each breakdown's answer, where Meta gave one. */
    static SocialProvider.Audience audience(LocalDate date, Function<String, Optional<JsonNode>> answer) {
        Function<String, Map<String, Long>> bucket = breakdown ->
                answer.apply(breakdown).map(GraphDemographics::breakdown).orElse(Map.of());
        Map<String, Long> ages = bucket.apply("age");
        Map<String, Long> genders = new LinkedHashMap<>();
        bucket.apply("gender").forEach((gender, count) -> genders.merge(gender(gender), count, Long::sum));
        Map<String, Long> countries = bucket.apply("country");
        return new SocialProvider.Audience(date, ages, genders, countries, bucket.apply("city"), Map.of(), Map.of());
    }

    static Map<String, Long> breakdown(JsonNode answer) {
        Map<String, Long> counts = new LinkedHashMap<>();
        answer.path("data")
                .valueStream()
                .flatMap(metric -> metric.path("total_value").path("breakdowns").valueStream())
                .flatMap(breakdown -> breakdown.path("results").valueStream())
                .forEach(result -> counts.merge(
                        result.path("dimension_values").path(0).asString(""),
                        result.path("value").asLong(0),
                        Long::sum));
        counts.remove("");
        return counts;
    }

    private static String gender(String code) {
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "F" -> "female";
            case "M" -> "male";
            case "U" -> "unknown";
            default -> code.toLowerCase(Locale.ROOT);
        };
    }
}
