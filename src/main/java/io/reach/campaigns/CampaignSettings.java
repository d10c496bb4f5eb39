package io.reach.campaigns;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The checks on a campaign's jsonb fields: {@code campaign_settings} takes known keys only (what
 * a message costs, whether opens and clicks are tracked, a sending rate), {@code target_audience}
 * any object of moderate size.
 */
public final class CampaignSettings {

    private static final int MAX_JSON_CHARS = 16_384;
    private static final Map<String, Predicate<JsonNode>> KEYS = Map.of(
            "cost_per_email", CampaignSettings::money,
            "cost_per_sms", CampaignSettings::money,
            "open_tracking", JsonNode::isBoolean,
            "click_tracking", JsonNode::isBoolean,
            "rate_per_second",
                    v -> v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 1 && v.intValue() <= 100_000);

    private CampaignSettings() {}

    static JsonNode settings(@Nullable JsonNode given) {
        JsonNode node = object(given, "campaign_settings");
        List<FieldError> errors = new ArrayList<>();
        for (var entry : node.properties()) {
            Predicate<JsonNode> check = KEYS.get(entry.getKey());
            if (check == null) {
                errors.add(new FieldError(
                        "campaign_settings." + entry.getKey(),
                        "is not a known setting; known: "
                                + KEYS.keySet().stream().sorted().toList()));
            } else if (!check.test(entry.getValue())) {
                errors.add(new FieldError(
                        "campaign_settings." + entry.getKey(), "has a value of the wrong kind or range"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.toArray(FieldError[]::new));
        }
        return node;
    }

    static JsonNode audience(@Nullable JsonNode given) {
        return object(given, "target_audience");
    }

    public static boolean tracks(JsonNode settings, String what) {
        JsonNode value = settings.path(what + "_tracking");
        return !value.isBoolean() || value.booleanValue();
    }

    private static JsonNode object(@Nullable JsonNode given, String field) {
        if (given == null || given.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!given.isObject()) {
            throw new InvalidRequestException(new FieldError(field, "must be a JSON object"));
        }
        if (given.toString().length() > MAX_JSON_CHARS) {
            throw new InvalidRequestException(
                    new FieldError(field, "must be at most " + MAX_JSON_CHARS + " characters"));
        }
        return given;
    }

    private static boolean money(JsonNode value) {
        return value.isNumber()
                && value.decimalValue().signum() >= 0
                && value.decimalValue().scale() <= 4
                && value.decimalValue().compareTo(java.math.BigDecimal.valueOf(1000)) <= 0;
    }
}
