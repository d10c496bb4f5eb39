package io.reach.social.platform;

import io.reach.social.Publication;

/** Titles that platforms want apart from the text (YouTube's video title, TikTok's photo-post title). */
public final class Captions {

    private Captions() {}

    /** The metadata's {@code title}, else the text's first line; at most {@code max} characters. */
    public static String title(Publication publication, int max) {
        return cut(
                publication.metadataText("title", firstLine(publication.text())).strip(), max);
    }

    public static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return (end < 0 ? stripped : stripped.substring(0, end)).strip();
    }

    /** At most {@code max} characters as people count them (code points). */
    public static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
