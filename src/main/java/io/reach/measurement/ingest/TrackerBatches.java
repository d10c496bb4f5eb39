package io.reach.measurement.ingest;

import io.reach.platform.web.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of tracker events — a JSON array, or NDJSON (one object per line) — and checks
 * each event on its own: a bad event is rejected with its reasons and never holds up the good
 * ones. Only the documented keys are accepted; times must fall within the accepted window.
 */
final class TrackerBatches {

    static final int MAX_EVENTS = 10_000;

    private TrackerBatches() {}

    /** A batch's events by position: each either read or refused. */
    record Item(int index, @Nullable TrackerFields event, List<FieldError> errors) {}

    /**
     * Splits the body into events, each read in one pass ({@link TrackerFields}); a line or element that is
     * not a JSON object is an item with an error.
     */
    static List<Item> items(String body, JsonMapper json) {
        return items(body.getBytes(StandardCharsets.UTF_8), json);
    }

    /**
     * The same from the body's UTF-8 bytes, as received: a JSON array is parsed from them directly (no text copy of
     * the body is made); NDJSON is split into lines.
     */
    static List<Item> items(byte[] body, JsonMapper json) {
        int start = 0;
        while (start < body.length && whitespace(body[start])) {
            start++;
        }
        byte first = start < body.length ? body[start] : 0;
        // Only a body that starts like JSON is read event by event: plain text, a bare number or
        // string is not a batch at all, so it is refused whole rather than "accepted" with 0 events.
        if (start < body.length && first != '[' && first != '{') {
            throw new MalformedBatch("The body is neither a JSON array nor NDJSON objects");
        }
        List<Item> items = first == '['
                ? array(json.createParser(body, start, body.length - start))
                : lines(new String(body, start, body.length - start, StandardCharsets.UTF_8), json);
        if (items.isEmpty()) {
            throw new MalformedBatch("The batch has no events");
        }
        return items;
    }

    /** What {@link String#strip} takes off in the ASCII range. */
    private static boolean whitespace(byte b) {
        return b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F;
    }

    private static List<Item> array(JsonParser source) {
        List<Item> items = new ArrayList<>();
        try (JsonParser parser = source) {
            parser.nextToken();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new MalformedBatch("The body is not a JSON array: the array is not closed");
                }
                items.add(item(items.size(), parser, token));
                tooMany(items);
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new MalformedBatch("The body is not a JSON array: " + trailing + " after the array");
            }
        } catch (JacksonException e) {
            throw new MalformedBatch("The body is not a JSON array: " + e.getOriginalMessage());
        }
        return items;
    }

    private static List<Item> lines(String text, JsonMapper json) {
        List<Item> items = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonParser parser = json.createParser(line)) {
                Item item = item(items.size(), parser, parser.nextToken());
                JsonToken trailing = parser.nextToken();
                items.add(
                        trailing == null
                                ? item
                                : new Item(
                                        items.size(),
                                        null,
                                        List.of(new FieldError("", "is not JSON: " + trailing + " after the value"))));
            } catch (JacksonException e) {
                items.add(new Item(
                        items.size(), null, List.of(new FieldError("", "is not JSON: " + e.getOriginalMessage()))));
            }
            tooMany(items);
        }
        return items;
    }

    /** The value the parser is on ({@code token}) as an item, the parser left on its last token. */
    private static Item item(int index, JsonParser parser, JsonToken token) {
        if (token == JsonToken.START_OBJECT) {
            return new Item(index, TrackerFields.read(parser), List.of());
        }
        parser.skipChildren();
        return new Item(index, null, List.of(new FieldError("", "is not a JSON object")));
    }

    private static void tooMany(List<Item> items) {
        if (items.size() > MAX_EVENTS) {
            throw new MalformedBatch("A batch holds at most " + MAX_EVENTS + " events; this one has more");
        }
    }

    static final class MalformedBatch extends io.reach.platform.web.BadRequestException {
        MalformedBatch(String detail) {
            super("Malformed batch", detail);
        }
    }
}
