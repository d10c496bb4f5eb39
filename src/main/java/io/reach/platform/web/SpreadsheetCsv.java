package io.reach.platform.web;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CSV as spreadsheets write it: UTF-8 with or without a byte-order mark, the delimiter ({@code ,}
 * {@code ;} or tab) the one the header line uses most, header names matched whatever their case,
 * spaces and dashes ({@code First Name} is {@code first_name}, {@code E-mail} and {@code Email
 * Address} are {@code email}), quoted fields with line breaks. Rows are read one at a time, each with
 * the line it starts on, so a file of a million rows is never held whole.
 */
public final class SpreadsheetCsv {

    /** What reads the rows: each as header key to value, with the line it starts on in the file. */
    @FunctionalInterface
    public interface Rows {
        void row(long line, Map<String, String> fields);
    }

    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    private SpreadsheetCsv() {}

    /** Reads every row after the header; answers how many. IO and format failures are unchecked. */
    public static long read(Reader source, Rows rows) {
        BufferedReader reader = new BufferedReader(source, HEADER_LOOKAHEAD);
        try {
            reader.mark(HEADER_LOOKAHEAD);
            char[] start = new char[HEADER_LOOKAHEAD];
            int read = reader.read(start);
            reader.reset();
            String head = read <= 0 ? "" : new String(start, 0, read);
            if (head.startsWith("\uFEFF")) {
                reader.skip(1);
                head = head.substring(1);
            }
            long count = 0;
            try (CsvReader<NamedCsvRecord> records =
                    CsvReader.builder().fieldSeparator(delimiter(head)).ofNamedCsvRecord(reader)) {
                for (NamedCsvRecord record : records) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    record.getFieldsAsMap().forEach((key, value) -> fields.putIfAbsent(header(key), value));
                    rows.row(record.getStartingLineNumber(), fields);
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The delimiter the header line uses most (outside quotes); a comma when it uses none. */
    public static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    /** A header name as a key: lower case, words joined by {@code _}, the usual names of the address columns folded. */
    public static String header(String name) {
        String key = name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\-.]+", "_")
                .replaceAll("^_+|_+$", "");
        return switch (key) {
            case "e_mail", "email_address", "e_mail_address", "mail" -> "email";
            case "phone_number", "mobile", "mobile_number", "mobile_phone", "telephone" -> "phone";
            case "full_name" -> "name";
            default -> key;
        };
    }
}
