package io.reach.podcasts.counting;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code COPY … TO STDOUT} in text format, read in place from the bytes PostgreSQL sent
 * (one row per message): fields by index, numbers and hexadecimal keys parsed without making
 * strings, and texts that repeat from row to row (user agents, ranges, countries) made once.
 */
final class CopyTextRow {

    private final int[] starts;
    private final int[] ends;
    private final ByBytes<String> texts = new ByBytes<>(CopyTextRow::unescape);
    private byte[] row = new byte[0];

    CopyTextRow(int fields) {
        this.starts = new int[fields];
        this.ends = new int[fields];
    }

    /** Takes the next row (its bytes, with or without the closing newline). */
    CopyTextRow of(byte[] bytes) {
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\n' ? bytes.length - 1 : bytes.length;
        int from = 0;
        for (int i = 0; i < starts.length; i++) {
            int to = from;
            while (to < length && bytes[to] != '\t') {
                to++;
            }
            if (to == length && i < starts.length - 1) {
                throw new IllegalStateException("A copied row has " + (i + 1) + " fields, not " + starts.length);
            }
            starts[i] = from;
            ends[i] = to;
            from = to + 1;
        }
        row = bytes;
        return this;
    }

    boolean isNull(int field) {
        return ends[field] - starts[field] == 2 && row[starts[field]] == '\\' && row[starts[field] + 1] == 'N';
    }

    /** A field of plain ASCII (an id, a number as text) as a new string. */
    String ascii(int field) {
        return new String(row, starts[field], ends[field] - starts[field], StandardCharsets.ISO_8859_1);
    }

    long longValue(int field) {
        long value = 0;
        boolean negative = row[starts[field]] == '-';
        for (int i = negative ? starts[field] + 1 : starts[field]; i < ends[field]; i++) {
            int digit = row[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("Not a number in a copied row: " + ascii(field));
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** The {@code index}th 64 bits of a field of hexadecimal digits ({@code encode(…, 'hex')}). */
    long hexLong(int field, int index) {
        int from = starts[field] + index * 16;
        if (from + 16 > ends[field]) {
            throw new IllegalStateException("A copied key is shorter than " + (index + 1) * 8 + " bytes");
        }
        long value = 0;
        for (int i = from; i < from + 16; i++) {
            value = value << 4 | Character.digit(row[i], 16);
        }
        return value;
    }

    /** A text field ({@code null} for {@code \N}), the same string for the same bytes. */
    @Nullable
    String text(int field) {
        return isNull(field) ? null : texts.of(row, starts[field], ends[field]);
    }

    /** A field's value made by {@code values} from its text the first time these bytes are seen. */
    <V> V value(int field, ByBytes<V> values) {
        return values.of(row, starts[field], ends[field]);
    }

    /** Values by the bytes they were made from, so a value seen before costs a hash and a comparison. */
    static final class ByBytes<V> {
        private final Function<String, V> make;
        private byte[][] keys = new byte[64][];
        private Object[] values = new Object[64];
        private int size;

        ByBytes(Function<String, V> make) {
            this.make = make;
        }

        @SuppressWarnings("unchecked")
        V of(byte[] bytes, int from, int to) {
            int slot = slot(hash(bytes, from, to), keys.length);
            while (keys[slot] != null) {
                if (Arrays.equals(keys[slot], 0, keys[slot].length, bytes, from, to)) {
                    return (V) values[slot];
                }
                slot = (slot + 1) & (keys.length - 1);
            }
            V value = make.apply(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            keys[slot] = Arrays.copyOfRange(bytes, from, to);
            values[slot] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
            return value;
        }

        private void grow() {
            byte[][] oldKeys = keys;
            Object[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new Object[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = slot(hash(oldKeys[i], 0, oldKeys[i].length), keys.length);
                    while (keys[slot] != null) {
                        slot = (slot + 1) & (keys.length - 1);
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        private static int hash(byte[] bytes, int from, int to) {
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + bytes[i];
            }
            return hash;
        }

        private static int slot(int hash, int capacity) {
            return (hash ^ hash >>> 16) & (capacity - 1);
        }
    }

    /** A text as COPY writes it: backslash escapes for tabs, newlines, backslashes and other controls. */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                text.append(c);
                continue;
            }
            char next = value.charAt(++i);
            text.append(
                    switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'v' -> '\u000b';
                        default -> next;
                    });
        }
        return text.toString();
    }
}
