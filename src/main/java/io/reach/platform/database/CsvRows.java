package io.reach.platform.database;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Rows for {@code COPY … (format csv)} written straight into UTF-8 bytes, as {@link CopyCsv} writes them into
 * text: every value quoted (quotes doubled, NUL characters, which PostgreSQL text cannot hold, dropped), nulls
 * left empty. A batch is encoded once, with no text copy of it in between (a {@code StringBuilder}, its
 * {@code String} and that string's bytes were three copies of each batch).
 */
public final class CsvRows {

    private byte[] bytes;
    private int size;
    private boolean inRow;

    /** Rows expected to take about {@code expectedBytes} (more only costs a copy). */
    public CsvRows(int expectedBytes) {
        this.bytes = new byte[Math.max(64, expectedBytes)];
    }

    /** Appends one row of values. */
    public void row(@Nullable String... values) {
        for (String value : values) {
            value(value);
        }
        end();
    }

    /** Appends the next value of the current row (null: empty, which {@code COPY} reads as null). */
    public CsvRows value(@Nullable String value) {
        room(1);
        if (inRow) {
            bytes[size++] = ',';
        }
        inRow = true;
        if (value != null) {
            quoted(value);
        }
        return this;
    }

    /** Ends the current row. */
    public void end() {
        room(1);
        bytes[size++] = '\n';
        inRow = false;
    }

    /** The rows so far, for {@code COPY … from stdin}. */
    public InputStream stream() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    public int size() {
        return size;
    }

    private void quoted(String value) {
        int length = value.length();
        room(2 + 3 * length); // UTF-8 takes at most three bytes per char (a surrogate pair four for two)
        byte[] b = bytes;
        int n = size;
        b[n++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    b[n++] = '"';
                    b[n++] = '"';
                } else if (c != 0) {
                    b[n++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                b[n++] = (byte) (0xF0 | (code >> 18));
                b[n++] = (byte) (0x80 | ((code >> 12) & 0x3F));
                b[n++] = (byte) (0x80 | ((code >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (code & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
            } else {
                b[n++] = (byte) (0xE0 | (c >> 12));
                b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[n++] = '"';
        size = n;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
