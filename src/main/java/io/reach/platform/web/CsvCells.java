package io.reach.platform.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * CSV (RFC 4180, one {@code \n} per row) that a spreadsheet opens without running anything. Every
 * CSV export of Reach is written here. A text cell a spreadsheet would read as a formula (CSV
 * injection: it begins with {@code = + - @}, a tab or a carriage return, also after spaces or as
 * the full-width forms some locales accept) is written behind a single quote and quoted, as
 * OWASP's CSV injection guidance asks; a cell holding a separator, a quote or a line break is
 * quoted. Numbers the application computed are written as they are, so a negative sum stays a
 * number.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private CsvCells() {}

    /** The header and rows as a CSV document. */
    public static String document(List<String> header, List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder(row(header)).append('\n');
        for (List<?> cells : rows) {
            csv.append(row(cells)).append('\n');
        }
        return csv.toString();
    }

    /** One row: numbers as they are, anything else (null is empty) as a neutralised text cell. */
    public static String row(List<?> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(","));
    }

    /** One text cell, neutralised and quoted when needed. */
    public static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (formula(value)) {
            return quoted("'" + value);
        }
        return needsQuotes(value) ? quoted(value) : value;
    }

    /** Whether a spreadsheet would evaluate the text: its first character that is not a space starts a formula. */
    static boolean formula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        String start = value.stripLeading();
        return startsFormula(value) || !start.isEmpty() && startsFormula(start);
    }

    private static boolean startsFormula(String value) {
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }

    private static String cell(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            default -> text(value.toString());
        };
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r' || c == '\t') {
                return true;
            }
        }
        return Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
