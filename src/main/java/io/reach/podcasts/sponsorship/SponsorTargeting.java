package io.reach.podcasts.sponsorship;

import io.reach.platform.web.FieldError;
import io.reach.podcasts.transcripts.SafetyCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a sponsor wants from a podcast, as matching reads it: checked from the sponsor's input. */
record SponsorTargeting(
        List<String> countries,
        List<String> devices,
        List<String> excluded,
        @Nullable BigDecimal maxCpm,
        @Nullable BigDecimal budget) {

    private static final BigDecimal MAX_CPM = new BigDecimal("99999999.99");
    private static final BigDecimal MAX_BUDGET = new BigDecimal("999999999999.99");

    static SponsorTargeting checked(SponsorshipDesk.SponsorInput input, List<FieldError> errors) {
        List<String> countries = new ArrayList<>();
        for (String country : present(input.targetCountries(), "target_countries", 250, errors)) {
            String code = country.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2}")) {
                errors.add(new FieldError("target_countries", "are ISO 3166 two-letter country codes"));
                break;
            }
            countries.add(code);
        }
        List<String> devices = new ArrayList<>();
        for (String device : present(input.targetDevices(), "target_devices", 20, errors)) {
            String name = device.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.length() > 50) {
                errors.add(new FieldError("target_devices", "are device categories of 1 to 50 characters"));
                break;
            }
            devices.add(name);
        }
        List<String> excluded = new ArrayList<>();
        for (String category : present(input.excludedCategories(), "excluded_categories", 20, errors)) {
            excluded.add(SafetyCategory.of(category, "excluded_categories").code());
        }
        BigDecimal maxCpm = amount(input.maxCpm(), "max_cpm", MAX_CPM, errors);
        BigDecimal budget = amount(input.budget(), "budget", MAX_BUDGET, errors);
        return new SponsorTargeting(distinct(countries), distinct(devices), distinct(excluded), maxCpm, budget);
    }

    private static List<String> present(
            @Nullable List<@Nullable String> values, String field, int max, List<FieldError> errors) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            errors.add(new FieldError(field, "holds at most " + max + " values"));
            return List.of();
        }
        if (values.stream().anyMatch(value -> value == null)) {
            errors.add(new FieldError(field, "has an empty place"));
            return List.of();
        }
        return values.stream().map(java.util.Objects::requireNonNull).toList();
    }

    private static @Nullable BigDecimal amount(
            @Nullable BigDecimal value, String field, BigDecimal max, List<FieldError> errors) {
        if (value != null && (value.signum() < 0 || value.compareTo(max) > 0 || value.scale() > 2)) {
            errors.add(new FieldError(
                    field, "is an amount from 0 to " + max.toPlainString() + " with at most 2 decimals"));
        }
        return value;
    }

    private static List<String> distinct(List<String> values) {
        Set<String> seen = new LinkedHashSet<>(values);
        return List.copyOf(seen);
    }
}
