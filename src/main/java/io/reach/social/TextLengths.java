package io.reach.social;

import com.twitter.twittertext.TwitterTextParser;
import java.nio.charset.StandardCharsets;

/**
 * A post's text length as each platform counts it against its limit: X weighs text with its own
 * twitter-text rules (a URL is 23, an emoji or a CJK character 2, most Latin characters 1);
 * YouTube limits a description in UTF-8 bytes; TikTok counts UTF-16 units; the others count
 * characters as people see them (Unicode code points).
 */
final class TextLengths {

    private TextLengths() {}

    static int of(String channelName, String text) {
        return switch (channelName) {
            case "x" -> TwitterTextParser.parseTweet(text).weightedLength;
            case "youtube" -> text.getBytes(StandardCharsets.UTF_8).length;
            case "tiktok" -> text.length();
            default -> text.codePointCount(0, text.length());
        };
    }

    /** How the length of {@link #of} is counted, for messages. */
    static String unit(String channelName) {
        return switch (channelName) {
            case "x" -> "weighted characters (URLs 23, emoji and CJK 2)";
            case "youtube" -> "bytes (UTF-8)";
            case "tiktok" -> "UTF-16 units";
            default -> "characters";
        };
    }
}
