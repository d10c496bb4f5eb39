package io.reach.podcasts.transcripts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.web.Codes;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Brand-safety categories a transcript segment can be flagged with, each with the English words
 * that flag it. The categories follow the GARM brand-safety floor's headings (adult content,
 * arms, drugs and alcohol, gambling, obscenity, violence); the word lists are Reach's own, short
 * and deliberately plain: a flag is evidence for a person to read, not a verdict.
 */
public enum SafetyCategory {
    ADULT("adult", "porn", "porno", "pornography", "explicit sex", "stripper", "escort service", "onlyfans"),
    ALCOHOL(
            "alcohol",
            "alcohol",
            "beer",
            "vodka",
            "whiskey",
            "whisky",
            "tequila",
            "wine",
            "drunk",
            "hangover",
            "cocktail"),
    DRUGS(
            "drugs",
            "drugs",
            "cocaine",
            "heroin",
            "meth",
            "fentanyl",
            "marijuana",
            "cannabis",
            "weed",
            "overdose",
            "lsd"),
    GAMBLING(
            "gambling",
            "gambling",
            "casino",
            "betting",
            "sportsbook",
            "poker",
            "slot machine",
            "roulette",
            "wager",
            "bookmaker"),
    PROFANITY("profanity", "fuck", "fucking", "shit", "bullshit", "motherfucker", "asshole", "bitch"),
    VIOLENCE(
            "violence",
            "violence",
            "murder",
            "killed",
            "shooting",
            "stabbing",
            "massacre",
            "assault",
            "torture",
            "homicide"),
    WEAPONS("weapons", "weapons", "gun", "guns", "rifle", "firearm", "ammunition", "pistol", "shotgun", "explosives");

    private final String code;
    private final Pattern words;

    SafetyCategory(String code, String... words) {
        this.code = code;
        this.words = Pattern.compile(
                "\\b(?:" + Arrays.stream(words).map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b");
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static SafetyCategory of(String code, String field) {
        return Codes.of(SafetyCategory.class, code, field);
    }

    /** The categories whose words the text contains (case ignored). */
    static Set<SafetyCategory> flags(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<SafetyCategory> flags = EnumSet.noneOf(SafetyCategory.class);
        for (SafetyCategory category : values()) {
            if (category.words.matcher(lower).find()) {
                flags.add(category);
            }
        }
        return flags;
    }

    static List<String> codes(Set<SafetyCategory> categories) {
        return categories.stream().map(SafetyCategory::code).toList();
    }
}
