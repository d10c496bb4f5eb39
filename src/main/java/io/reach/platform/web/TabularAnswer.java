package io.reach.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a read that can answer as a table answers: JSON, or CSV written by {@link CsvCells} (so
 * visitors' text cannot run as a spreadsheet formula). CSV is asked for by {@code format=csv} or,
 * without {@code format}, by an {@code Accept} header that prefers {@code text/csv} to JSON;
 * {@code format} is {@code json} or {@code csv}, anything else is a 400 problem. Such a read
 * declares {@code produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV}}: the API
 * document then shows both, and Spring refuses (406) an {@code Accept} that allows neither. A
 * CSV page of a list carries its next cursor in the {@value #NEXT_CURSOR} header.
 */
public record TabularAnswer(boolean csv) {

    public static final String CSV = "text/csv";
    public static final String NEXT_CURSOR = "Next-Cursor";
    public static final String FORMAT = "json (the default) or csv; without it, Accept: text/csv also asks for CSV";

    private static final MediaType TEXT_CSV = MediaType.parseMediaType(CSV);

    /** What the request asks for: {@code format} first, then the most preferred type of {@code Accept}. */
    public static TabularAnswer asked(@Nullable String format, @Nullable String accept) {
        if (format != null) {
            return switch (format) {
                case "json" -> new TabularAnswer(false);
                case "csv" -> new TabularAnswer(true);
                default ->
                    throw new InvalidRequestException(
                            "Invalid format", List.of(new FieldError("format", "is json or csv")));
            };
        }
        return new TabularAnswer(prefersCsv(accept));
    }

    /** The rows as CSV (named {@code name}.csv), or {@code json} as JSON. */
    public <T> ResponseEntity<?> of(
            Object json, List<T> rows, List<String> header, Function<T, List<?>> columns, String name) {
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(CsvCells.document(header, rows.stream().map(columns).toList()));
    }

    /** A page of a list: its items as CSV rows with the next cursor as a header, or the page as JSON. */
    public <T> ResponseEntity<?> of(
            CursorPage<T> page, List<String> header, Function<T, List<?>> columns, String name) {
        ResponseEntity<?> answer = of(page, page.items(), header, columns, name);
        if (!csv || page.nextCursor() == null) {
            return answer;
        }
        return ResponseEntity.ok()
                .headers(answer.getHeaders())
                .header(NEXT_CURSOR, page.nextCursor())
                .body(answer.getBody());
    }

    /** Whether CSV ({@code text/csv} or {@code text/*}) comes before JSON (or {@code *}{@code /*}) in the client's preference. */
    private static boolean prefersCsv(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        for (MediaType type : types.stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .filter(type -> type.getQualityValue() > 0)
                .toList()) {
            if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.isCompatibleWith(TEXT_CSV)) {
                return true;
            }
        }
        return false;
    }
}
