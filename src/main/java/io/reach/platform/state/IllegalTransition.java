package io.reach.platform.state;

import io.reach.platform.web.ConflictException;

/** A state move its enum's {@link Transitions} table does not allow: "A sent e-mail cannot become queued" (409). */
public class IllegalTransition extends ConflictException {

    private IllegalTransition(String detail) {
        super("Not allowed now", detail);
    }

    static IllegalTransition of(String from, String subject, String to) {
        return new IllegalTransition(article(from) + " " + from + " " + subject + " cannot become " + to);
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "An" : "A";
    }
}
