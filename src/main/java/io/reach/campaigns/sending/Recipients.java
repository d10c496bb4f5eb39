package io.reach.campaigns.sending;

import io.reach.campaigns.templates.Personalisation;
import io.reach.campaigns.templates.TemplateContent;
import io.reach.contacts.Addresses;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.SpreadsheetCsv;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recipient lists as given inline or as CSV (a header row; {@code email} or {@code phone}, an
 * optional {@code name}, every other column a variable, blank cells taking the template's default): addresses checked (e-mail syntax, E.164
 * numbers), duplicates folded into the first, required template variables checked per row.
 */
public final class Recipients {

    public static final int MAX_RECIPIENTS = 100_000;

    private Recipients() {}

    /**
     * One recipient: {@code address} is the lower-cased e-mail address or the E.164 number; {@code row}
     * its line in an uploaded file (or its index in a list given inline).
     */
    record Recipient(String address, @Nullable String name, Map<String, String> variables, int row) {}

    record Rejected(int row, List<FieldError> errors) {}

    /** The recipients accepted, the rows refused with why, and the rows folded into an earlier one of the same address. */
    record Checked(List<Recipient> accepted, List<Rejected> rejected, List<Integer> duplicateRows) {

        int duplicates() {
            return duplicateRows.size();
        }
    }

    /** One recipient as given; {@code line} is its line in an uploaded file (1-based, the header is line 1). */
    public record Given(
            @Nullable String email,
            @Nullable String phone,
            @Nullable String name,
            Map<String, String> variables,
            @Nullable Integer line) {

        public Given(
                @Nullable String email, @Nullable String phone, @Nullable String name, Map<String, String> variables) {
            this(email, phone, name, variables, null);
        }
    }

    static Checked check(List<Given> given, Channel channel, TemplateContent content) {
        if (given.size() > MAX_RECIPIENTS) {
            throw new InvalidRequestException(
                    new FieldError("recipients", "at most " + MAX_RECIPIENTS + " per request"));
        }
        List<Recipient> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Integer> duplicates = new ArrayList<>();
        for (int row = 0; row < given.size(); row++) {
            Given g = given.get(row);
            List<FieldError> errors = new ArrayList<>();
            String address = channel == Channel.EMAIL ? email(g.email(), errors) : phone(g.phone(), errors);
            if (g.name() != null && g.name().length() > 255) {
                errors.add(new FieldError("name", "must be at most 255 characters"));
            }
            List<String> missing = Personalisation.missing(content, g.variables());
            if (!missing.isEmpty()) {
                errors.add(new FieldError("variables", "missing required template variables " + missing));
            }
            int line = g.line() != null ? g.line() : row;
            if (!errors.isEmpty() || address == null) {
                rejected.add(new Rejected(line, errors));
            } else if (!seen.add(address)) {
                duplicates.add(line);
            } else {
                accepted.add(new Recipient(address, blankToNull(g.name()), g.variables(), line));
            }
        }
        return new Checked(accepted, rejected, duplicates);
    }

    /** Reads a CSV upload as spreadsheets write it ({@link SpreadsheetCsv}); each row keeps its line in the file. */
    static List<Given> csv(String body, Channel channel) {
        String column = channel == Channel.EMAIL ? "email" : "phone";
        List<Given> rows = new ArrayList<>();
        try {
            SpreadsheetCsv.read(new StringReader(body), (line, fields) -> {
                if (rows.size() >= MAX_RECIPIENTS) {
                    throw new InvalidRequestException(
                            new FieldError("recipients", "at most " + MAX_RECIPIENTS + " rows"));
                }
                if (!fields.containsKey(column)) {
                    throw new InvalidRequestException(
                            new FieldError("csv", "needs a header row naming a " + column + " column"));
                }
                Map<String, String> variables = new LinkedHashMap<>(fields);
                variables.keySet().removeAll(Set.of("email", "phone", "name"));
                variables.values().removeIf(String::isBlank);
                rows.add(new Given(
                        fields.get("email"),
                        fields.get("phone"),
                        fields.get("name"),
                        variables,
                        Math.toIntExact(line)));
            });
        } catch (InvalidRequestException invalid) {
            throw invalid;
        } catch (RuntimeException e) {
            throw new InvalidRequestException(
                    new FieldError("csv", "is not readable CSV with a header row: " + e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new InvalidRequestException(new FieldError("csv", "has no recipient rows after its header"));
        }
        return rows;
    }

    /** See {@link SpreadsheetCsv#header}. */
    static String header(String name) {
        return SpreadsheetCsv.header(name);
    }

    /** See {@link Addresses#normalEmail}. */
    public static @Nullable String normalEmail(@Nullable String email) {
        return Addresses.normalEmail(email);
    }

    /** See {@link Addresses#normalPhone}. */
    public static @Nullable String normalPhone(@Nullable String phone) {
        return Addresses.normalPhone(phone);
    }

    private static @Nullable String email(@Nullable String given, List<FieldError> errors) {
        String email = normalEmail(given);
        if (email == null) {
            errors.add(new FieldError("email", given == null ? "is required" : "is not a valid e-mail address"));
        }
        return email;
    }

    private static @Nullable String phone(@Nullable String given, List<FieldError> errors) {
        String phone = normalPhone(given);
        if (phone == null) {
            errors.add(new FieldError(
                    "phone",
                    given == null ? "is required" : "is not a valid international number (E.164, e.g. +14155550123)"));
        }
        return phone;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
