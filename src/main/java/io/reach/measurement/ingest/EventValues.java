package io.reach.measurement.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Event values as {@code measurement.trackers.event_value numeric(20, 4)} stores them: rounded to
 * four decimals (half away from zero, as PostgreSQL rounds) with at most 16 digits before the
 * point. A value the column would refuse is refused with its event, never with its batch.
 */
final class EventValues {

    static final String RANGE = "is a finite number below 10^16 (at most 16 digits before the decimal point)";
    private static final int SCALE = 4;
    private static final int INTEGER_DIGITS = 16;

    private EventValues() {}

    /** The value as it will be stored, or null when the column cannot hold it (infinite, NaN, too large). */
    static @Nullable BigDecimal of(JsonNode number) {
        if (number.isFloatingPointNumber() && !number.isBigDecimal() && !Double.isFinite(number.doubleValue())) {
            return null;
        }
        BigDecimal value;
        try {
            value = number.decimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return fits(value) ? value.setScale(SCALE, RoundingMode.HALF_UP) : null;
    }

    static boolean fits(BigDecimal value) {
        if (value.precision() - value.scale() > INTEGER_DIGITS + 1) {
            return false;
        }
        BigDecimal rounded = value.setScale(SCALE, RoundingMode.HALF_UP);
        return rounded.precision() - rounded.scale() <= INTEGER_DIGITS;
    }
}
