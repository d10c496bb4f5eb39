package io.reach.attribution.models;

import io.reach.platform.web.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A model kind with its parameters (the {@code configuration} of an attribution model): checked
 * when a workspace sets them, and turned into the {@link Model} that computes. Position-based takes
 * {@code first} and {@code last} (shares of one; the middle gets the rest), time decay
 * {@code half_life_days}; the other kinds take none.
 */
public final class ModelSettings {

    private ModelSettings() {}

    /** The parameters a kind starts with. */
    public static Map<String, Object> defaults(ModelKind kind) {
        return switch (kind) {
            case POSITION_BASED -> Map.of("first", 0.4, "last", 0.4);
            case TIME_DECAY -> Map.of("half_life_days", 7.0);
            default -> Map.of();
        };
    }

    /** The refusals of {@code configuration} for {@code kind} (empty when it is good). */
    public static List<FieldError> check(ModelKind kind, Map<String, @Nullable Object> configuration) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = defaults(kind).keySet();
        for (Map.Entry<String, @Nullable Object> entry : configuration.entrySet()) {
            String field = "configuration." + entry.getKey();
            if (!known.contains(entry.getKey())) {
                errors.add(new FieldError(field, "is not a parameter of " + kind.code() + " (it takes " + known + ")"));
            } else if (!(entry.getValue() instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                errors.add(new FieldError(field, "is a number"));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        try {
            model(kind, configuration);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("configuration", String.valueOf(e.getMessage())));
        }
        return errors;
    }

    /** The configuration with every parameter present (the defaults for those left out). */
    public static Map<String, Object> complete(ModelKind kind, Map<String, @Nullable Object> configuration) {
        Map<String, Object> complete = new LinkedHashMap<>(defaults(kind));
        configuration.forEach((key, value) -> {
            if (value != null) {
                complete.put(key, value);
            }
        });
        return complete;
    }

    /** The model a kind and its parameters compute. */
    public static Model model(ModelKind kind, Map<String, @Nullable Object> configuration) {
        Map<String, Object> parameters = complete(kind, configuration);
        return switch (kind) {
            case FIRST_TOUCH -> new Model.FirstTouch();
            case LAST_TOUCH -> new Model.LastTouch();
            case LINEAR -> new Model.Linear();
            case POSITION_BASED -> new Model.PositionBased(number(parameters, "first"), number(parameters, "last"));
            case TIME_DECAY -> {
                double days = number(parameters, "half_life_days");
                if (!(days >= 0.01 && days <= 365)) {
                    throw new IllegalArgumentException("half_life_days lies between 0.01 and 365");
                }
                yield new Model.TimeDecay(Duration.ofSeconds(Math.round(days * 86_400)));
            }
            case MARKOV -> new Model.Markov();
            case SHAPLEY -> new Model.Shapley();
        };
    }

    private static double number(Map<String, Object> parameters, String key) {
        return ((Number) java.util.Objects.requireNonNull(parameters.get(key))).doubleValue();
    }
}
