package io.reach.attribution.models;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The conversions and value a model credits to each touch point (shares of conversions, so fractional). */
public final class Credits {

    /** One touch point's credit. */
    public record Credit(double conversions, double value) {}

    private final Map<String, Credit> byPoint = new TreeMap<>();

    /** Adds {@code share} of a conversion worth {@code value} to a touch point. */
    void add(String point, double share, double value) {
        byPoint.merge(
                point,
                new Credit(share, share * value),
                (a, b) -> new Credit(a.conversions() + b.conversions(), a.value() + b.value()));
    }

    void put(String point, double conversions, double value) {
        byPoint.put(point, new Credit(conversions, value));
    }

    /** Every credited touch point, in name order. */
    public Map<String, Credit> byPoint() {
        return Collections.unmodifiableMap(byPoint);
    }

    public Credit of(String point) {
        return byPoint.getOrDefault(point, new Credit(0, 0));
    }

    public double totalConversions() {
        return byPoint.values().stream().mapToDouble(Credit::conversions).sum();
    }

    @Override
    public String toString() {
        return byPoint.toString();
    }
}
