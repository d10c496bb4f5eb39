package io.reach.platform.console;

/**
 * One line of the console's home page.
 *
 * @param kind whether it asks for attention or reports a number of today
 * @param label what it is, e.g. "Posts awaiting approval"
 * @param value its figure, e.g. "3" or "120 of 500 sent"
 * @param path the page where it is dealt with
 */
public record HomeFact(Kind kind, String label, String value, String path) {

    /** Where the home page shows it. */
    public enum Kind {
        ATTENTION,
        TODAY
    }

    public static HomeFact attention(String label, long count, String path) {
        return new HomeFact(Kind.ATTENTION, label, Long.toString(count), path);
    }

    public static HomeFact today(String label, String value, String path) {
        return new HomeFact(Kind.TODAY, label, value, path);
    }
}
