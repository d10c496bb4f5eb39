package io.reach.contacts.imports;

import io.reach.contacts.ContactDetails;
import io.reach.contacts.ContactField;
import io.reach.contacts.ContactInput;
import io.reach.platform.web.BodyTooLargeException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.SpreadsheetCsv;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an upload row by row and checks each as the API checks a contact ({@link ContactDetails#of}):
 * a row that passes goes to {@link Sink#accepted}, one that does not to {@link Sink#refused} with each
 * field's error and its line. CSV is read as spreadsheets write it ({@link SpreadsheetCsv}): the
 * columns email, phone, first_name, last_name (or name, split at its first space), locale, time_zone
 * and tags (separated by {@code ,} {@code ;} or {@code |}); any other column is a declared contact
 * field, and a column that is not one refuses the whole upload before any row. JSON is an array of
 * contacts shaped as the API takes them; its "lines" are the items' numbers. Empty cells set nothing.
 */
final class ImportReader {

    static final long MAX_ROWS = 1_000_000;
    private static final Set<String> STANDARD =
            Set.of("email", "phone", "first_name", "last_name", "name", "locale", "time_zone", "timezone", "tags");

    /** Where checked rows go. */
    interface Sink {
        void accepted(ImportRow row);

        void refused(long line, List<FieldError> errors);
    }

    private final JsonMapper json;
    private final List<ContactField> fields;
    private final Sink sink;
    private long rows;

    /** With the API's JSON mapper (snake_case names, unknown properties refused). */
    ImportReader(JsonMapper json, List<ContactField> fields, Sink sink) {
        this.json = json;
        this.fields = fields;
        this.sink = sink;
    }

    /** Reads the whole upload; answers the rows read. */
    long read(ImportFormat format, InputStream body) {
        try {
            if (format == ImportFormat.CSV) {
                SpreadsheetCsv.read(new InputStreamReader(body, StandardCharsets.UTF_8), this::csvRow);
            } else {
                readJson(body);
            }
        } catch (InvalidRequestException refused) {
            throw refused;
        } catch (RuntimeException unreadable) {
            var tooLarge = BodyTooLargeException.in(unreadable);
            if (tooLarge.isPresent()) {
                throw tooLarge.get().refusal();
            }
            throw new InvalidRequestException(new FieldError(
                    "body",
                    "is not readable " + format.code().toUpperCase(java.util.Locale.ROOT) + ": "
                            + unreadable.getMessage()));
        }
        if (rows == 0) {
            throw new InvalidRequestException(new FieldError("body", "has no contact rows"));
        }
        return rows;
    }

    private void csvRow(long line, Map<String, String> cells) {
        if (rows == 0) {
            refuseUnknownColumns(cells.keySet());
        }
        Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
        cells.forEach((column, value) -> {
            if (!STANDARD.contains(column) && !value.isBlank()) {
                attributes.put(column, value);
            }
        });
        String first = cell(cells, "first_name");
        String last = cell(cells, "last_name");
        String name = cell(cells, "name");
        if (first == null && last == null && name != null) {
            int space = name.indexOf(' ');
            first = space < 0 ? name : name.substring(0, space);
            last = space < 0 ? null : name.substring(space + 1).strip();
        }
        String tags = cell(cells, "tags");
        check(
                line,
                new ContactInput(
                        cell(cells, "email"),
                        cell(cells, "phone"),
                        first,
                        last,
                        cell(cells, "locale"),
                        cells.containsKey("time_zone") ? cell(cells, "time_zone") : cell(cells, "timezone"),
                        attributes,
                        tags == null
                                ? null
                                : Arrays.stream(tags.split("[,;|]"))
                                        .map(String::strip)
                                        .filter(tag -> !tag.isEmpty())
                                        .toList()));
    }

    private void refuseUnknownColumns(Set<String> columns) {
        Set<String> declared = fields.stream().map(ContactField::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(columns);
        unknown.removeAll(STANDARD);
        unknown.removeAll(declared);
        if (!columns.contains("email") && !columns.contains("phone")) {
            throw new InvalidRequestException(new FieldError("body", "needs an email or a phone column"));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(new FieldError(
                    "body",
                    "has columns that are not contact fields: " + unknown
                            + " (declare them under /api/v1/contact-fields, or remove them)"));
        }
    }

    private void readJson(InputStream body) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidRequestException(new FieldError("body", "must be a JSON array of contacts"));
            }
            long item = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                item++;
                JsonNode node = json.readerFor(JsonNode.class)
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readValue(parser);
                ContactInput contact;
                try {
                    contact = json.treeToValue(node, ContactInput.class);
                } catch (JacksonException wrong) {
                    refuse(item, List.of(new FieldError("item", "is not a contact: " + wrong.getOriginalMessage())));
                    continue;
                }
                check(item, contact);
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new InvalidRequestException(new FieldError("body", "must be a JSON array of objects"));
            }
        }
    }

    private void check(long line, ContactInput input) {
        if (++rows > MAX_ROWS) {
            throw new InvalidRequestException(new FieldError("body", "has more than " + MAX_ROWS + " rows"));
        }
        try {
            sink.accepted(new ImportRow(line, ContactDetails.of(input, fields)));
        } catch (InvalidRequestException invalid) {
            sink.refused(line, invalid.errors());
        }
    }

    private void refuse(long line, List<FieldError> errors) {
        rows++;
        sink.refused(line, errors);
    }

    private static @Nullable String cell(Map<String, String> cells, String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
