package io.reach.podcasts.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which Apple Podcasts categories (the top-level names of Apple's published category list) suit a
 * sponsor's industry: Reach's own small table, read by words in the industry's name. An industry
 * none of the words names has no category fit either way.
 */
final class IndustryCategories {

    private static final Map<List<String>, Set<String>> TABLE = Map.ofEntries(
            Map.entry(
                    List.of("software", "saas", "tech", "technology", "computer", "cloud", "developer", "app"),
                    Set.of("technology", "business", "science")),
            Map.entry(
                    List.of("fitness", "health", "nutrition", "wellness", "supplement", "medical", "gym"),
                    Set.of("health & fitness", "sports", "science")),
            Map.entry(
                    List.of("finance", "fintech", "bank", "banking", "insurance", "investing", "crypto", "accounting"),
                    Set.of("business", "news", "technology")),
            Map.entry(
                    List.of("food", "beverage", "restaurant", "meal", "coffee", "grocery", "cooking"),
                    Set.of("arts", "leisure", "health & fitness", "society & culture")),
            Map.entry(
                    List.of("education", "learning", "course", "language", "school", "university"),
                    Set.of("education", "science", "history")),
            Map.entry(List.of("gaming", "games", "game", "esports"), Set.of("leisure", "technology", "comedy")),
            Map.entry(List.of("travel", "hotel", "airline", "tourism"), Set.of("society & culture", "leisure")),
            Map.entry(
                    List.of("fashion", "apparel", "beauty", "cosmetics", "clothing"),
                    Set.of("arts", "society & culture")),
            Map.entry(List.of("automotive", "car", "cars", "vehicle"), Set.of("leisure", "technology")),
            Map.entry(
                    List.of("entertainment", "streaming", "media", "film", "movies"),
                    Set.of("tv & film", "comedy", "music")),
            Map.entry(List.of("sports", "sport", "outdoor", "betting"), Set.of("sports", "health & fitness")),
            Map.entry(List.of("kids", "toys", "family", "parenting", "baby"), Set.of("kids & family", "education")),
            Map.entry(List.of("music", "audio", "instrument"), Set.of("music", "arts")),
            Map.entry(
                    List.of("home", "furniture", "mattress", "garden", "real estate"),
                    Set.of("leisure", "society & culture", "business")),
            Map.entry(List.of("news", "publishing", "journalism"), Set.of("news", "society & culture", "government")),
            Map.entry(List.of("legal", "law"), Set.of("business", "government", "true crime")),
            Map.entry(List.of("pets", "pet"), Set.of("leisure", "kids & family")));

    private IndustryCategories() {}

    /** The categories (lower case) the industry's words name; empty when none. */
    static Set<String> of(String industry) {
        String lower = industry.toLowerCase(Locale.ROOT);
        java.util.TreeSet<String> categories = new java.util.TreeSet<>();
        TABLE.forEach((words, fits) -> {
            if (words.stream()
                    .anyMatch(word -> lower.matches("(?s).*\\b" + java.util.regex.Pattern.quote(word) + "\\b.*"))) {
                categories.addAll(fits);
            }
        });
        return categories;
    }

    /** The podcast's top-level category, lower case ("Health & Fitness > Nutrition" is health & fitness). */
    static String topLevel(String category) {
        return category.split(">", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
