package io.reach.tenancy;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings Reach reads have a type and a range; they are checked whoever writes them (an
 * owner, an admin, the platform admin), so a typo'd zone or IP mode is a field error, not a
 * setting the modules then ignore. Other keys are kept as given (integrations keep their own).
 */
final class TenantSettingsRules {

    static final Set<String> IP_HANDLING = Set.of("truncate", "hash", "full");
    static final int MAX_RETENTION_DAYS = 3650;
    private static final Set<String> BOOLEANS = Set.of("require_post_approval", "allow_budget_overspend");

    private TenantSettingsRules() {}

    /** Refuses settings whose known keys are of the wrong type or out of range, naming each. */
    static void check(Map<String, ? extends @Nullable Object> settings) {
        List<FieldError> errors = new ArrayList<>();
        settings.forEach((key, value) -> {
            String problem = problemWith(key, value);
            if (problem != null) {
                errors.add(new FieldError("settings." + key, problem));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.toArray(FieldError[]::new));
        }
    }

    /**
     * RFC 7396 JSON merge patch: a key set to null is removed, an object merges into an object,
     * anything else replaces.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merged(Map<String, Object> current, Map<String, @Nullable Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(current);
        patch.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> object && result.get(key) instanceof Map<?, ?> existing) {
                result.put(key, merged((Map<String, Object>) existing, (Map<String, @Nullable Object>) object));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static @Nullable String problemWith(String key, @Nullable Object value) {
        if (BOOLEANS.contains(key)) {
            return value instanceof Boolean ? null : "must be true or false";
        }
        return switch (key) {
            case "time_zone" ->
                value instanceof String zone && ZoneId.getAvailableZoneIds().contains(zone)
                        ? null
                        : "must be an IANA time zone such as Europe/Paris";
            case "ip_handling" ->
                value instanceof String mode && IP_HANDLING.contains(mode)
                        ? null
                        : "must be one of full, hash, truncate";
            case "retention_days" ->
                isWholeNumber(value)
                                && value instanceof Number days
                                && days.longValue() >= 1
                                && days.longValue() <= MAX_RETENTION_DAYS
                        ? null
                        : "must be a whole number of days from 1 to " + MAX_RETENTION_DAYS;
            default -> null;
        };
    }

    private static boolean isWholeNumber(@Nullable Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof java.math.BigInteger && ((java.math.BigInteger) value).bitLength() < 63;
    }
}
