package io.reach.podcasts.counting;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The operating system a podcast app's user agent names (Reach's own short rule set: the OPAWG
 * list names apps and devices, not systems). Order matters: watchOS and iPadOS before iOS, Android
 * before Linux.
 */
final class OperatingSystems {

    private record Rule(String name, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            new Rule("watchOS", Pattern.compile("watchOS", Pattern.CASE_INSENSITIVE)),
            new Rule("tvOS", Pattern.compile("tvOS|AppleTV|Apple TV", Pattern.CASE_INSENSITIVE)),
            new Rule("iOS", Pattern.compile("iPhone|iPad|iOS|CFNetwork/.*Darwin/(1[0-9]|2[0-9])\\.")),
            new Rule("Android", Pattern.compile("Android", Pattern.CASE_INSENSITIVE)),
            new Rule("Windows", Pattern.compile("Windows", Pattern.CASE_INSENSITIVE)),
            new Rule("macOS", Pattern.compile("Macintosh|Mac OS X|macOS")),
            new Rule("ChromeOS", Pattern.compile("CrOS")),
            new Rule("Linux", Pattern.compile("Linux", Pattern.CASE_INSENSITIVE)));

    private OperatingSystems() {}

    static @Nullable String of(String userAgent) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(userAgent).find()) {
                return rule.name();
            }
        }
        return null;
    }
}
