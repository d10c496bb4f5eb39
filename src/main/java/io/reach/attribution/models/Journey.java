package io.reach.attribution.models;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The touches that one visitor or household had, in time order, and how the journey ended: a
 * conversion at {@code convertedAt} worth {@code value}, or none ({@code convertedAt} null).
 */
public record Journey(List<Touch> touches, @Nullable Instant convertedAt, double value) {

    public Journey {
        touches = List.copyOf(touches);
        if (touches.isEmpty()) {
            throw new IllegalArgumentException("A journey has at least one touch");
        }
        for (int i = 1; i < touches.size(); i++) {
            if (touches.get(i).at().isBefore(touches.get(i - 1).at())) {
                throw new IllegalArgumentException("A journey's touches are in time order");
            }
        }
        if (convertedAt != null && convertedAt.isBefore(touches.getLast().at())) {
            throw new IllegalArgumentException("A conversion follows its touches");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("A conversion's value is a finite amount, not negative");
        }
    }

    public static Journey converted(List<Touch> touches, Instant at, double value) {
        return new Journey(touches, at, value);
    }

    public static Journey abandoned(List<Touch> touches) {
        return new Journey(touches, null, 0);
    }

    public boolean converts() {
        return convertedAt != null;
    }

    /** The touch points in order. */
    public List<String> points() {
        return touches.stream().map(Touch::point).toList();
    }
}
