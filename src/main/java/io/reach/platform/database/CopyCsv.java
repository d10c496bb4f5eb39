package io.reach.platform.database;

import org.jspecify.annotations.Nullable;

/**
 * Rows for {@code COPY … (format csv)}: every value quoted (quotes doubled, NUL characters, which
 * PostgreSQL text cannot hold, dropped), nulls left empty.
 */
public final class CopyCsv {

    private CopyCsv() {}

    public static void row(StringBuilder csv, @Nullable String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String value = values[i];
            if (value != null) {
                quoted(csv, value);
            }
        }
        csv.append('\n');
    }

    private static void quoted(StringBuilder csv, String value) {
        csv.append('"');
        if (value.indexOf('"') < 0 && value.indexOf('\u0000') < 0) {
            csv.append(value);
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    csv.append("\"\"");
                } else if (c != '\u0000') {
                    csv.append(c);
                }
            }
        }
        csv.append('"');
    }
}
