package io.reach.platform.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The moves a status enum allows, declared once as pairs of "from" and its next states, so the
 * enum keeps its table and its callers ask {@link #allows} or {@link #require} instead of
 * comparing status codes. A state missing from the table is final.
 *
 * <pre>{@code
 * private static final Transitions<CampaignStatus> MOVES = Transitions.of(CampaignStatus.class, "campaign")
 *         .allow(DRAFT, ACTIVE, ARCHIVED)
 *         .allow(ACTIVE, PAUSED, COMPLETED)
 *         .build();
 * }</pre>
 */
public final class Transitions<E extends Enum<E>> {

    private final String subject;
    private final Map<E, Set<E>> next;

    private Transitions(String subject, Map<E, Set<E>> next) {
        this.subject = subject;
        this.next = next;
    }

    /** Starts the table of {@code type}; {@code subject} names what has the state in refusals ("campaign"). */
    public static <E extends Enum<E>> Builder<E> of(Class<E> type, String subject) {
        return new Builder<>(type, subject);
    }

    /** Whether a {@code from} may become {@code to}. */
    public boolean allows(E from, E to) {
        return next.getOrDefault(from, Set.of()).contains(to);
    }

    /** The states a {@code from} may become (none: it is final). */
    public Set<E> from(E from) {
        return next.getOrDefault(from, Set.of());
    }

    /** {@code to}, or an {@link IllegalTransition} saying that a {@code from} subject cannot become it. */
    public E require(E from, E to) {
        if (!allows(from, to)) {
            throw refusal(from, to);
        }
        return to;
    }

    /** The refusal of a move from {@code from} (none when the thing is missing) to {@code to}. */
    public IllegalTransition refusal(@Nullable E from, E to) {
        return IllegalTransition.of(from == null ? "missing" : code(from), subject, code(to));
    }

    /** A copy naming another subject ("email campaign" for a table shared by two kinds of campaign). */
    public Transitions<E> of(String otherSubject) {
        return new Transitions<>(otherSubject, next);
    }

    private static String code(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** Collects the pairs; states never named as a "from" are final. */
    public static final class Builder<E extends Enum<E>> {

        private final Class<E> type;
        private final String subject;
        private final Map<E, Set<E>> next;

        private Builder(Class<E> type, String subject) {
            this.type = type;
            this.subject = subject;
            this.next = new EnumMap<>(type);
        }

        /** {@code from} may become each of {@code to}. */
        @SafeVarargs
        public final Builder<E> allow(E from, E... to) {
            Set<E> targets = next.computeIfAbsent(from, f -> EnumSet.noneOf(type));
            targets.addAll(List.of(to));
            return this;
        }

        public Transitions<E> build() {
            Map<E, Set<E>> table = new EnumMap<>(type);
            next.forEach((from, to) -> table.put(from, Collections.unmodifiableSet(EnumSet.copyOf(to))));
            return new Transitions<>(subject, Collections.unmodifiableMap(table));
        }
    }
}
