package io.reach.podcasts.transcripts;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL text-search configuration for a transcript's language (ISO 639-1 code, region
 * ignored): the stemming configurations PostgreSQL 18 ships ({@code \dF}), {@code simple} for the rest.
 */
final class SearchConfigs {

    private static final Map<String, String> BY_LANGUAGE = Map.ofEntries(
            Map.entry("ar", "arabic"),
            Map.entry("hy", "armenian"),
            Map.entry("eu", "basque"),
            Map.entry("ca", "catalan"),
            Map.entry("da", "danish"),
            Map.entry("nl", "dutch"),
            Map.entry("en", "english"),
            Map.entry("fi", "finnish"),
            Map.entry("fr", "french"),
            Map.entry("de", "german"),
            Map.entry("el", "greek"),
            Map.entry("hi", "hindi"),
            Map.entry("hu", "hungarian"),
            Map.entry("id", "indonesian"),
            Map.entry("ga", "irish"),
            Map.entry("it", "italian"),
            Map.entry("lt", "lithuanian"),
            Map.entry("ne", "nepali"),
            Map.entry("no", "norwegian"),
            Map.entry("nb", "norwegian"),
            Map.entry("nn", "norwegian"),
            Map.entry("pt", "portuguese"),
            Map.entry("ro", "romanian"),
            Map.entry("ru", "russian"),
            Map.entry("sr", "serbian"),
            Map.entry("es", "spanish"),
            Map.entry("sv", "swedish"),
            Map.entry("ta", "tamil"),
            Map.entry("tr", "turkish"),
            Map.entry("yi", "yiddish"));

    private SearchConfigs() {}

    static String of(@Nullable String language) {
        if (language == null) {
            return "simple";
        }
        String primary = language.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return BY_LANGUAGE.getOrDefault(primary, "simple");
    }
}
