package io.reach.podcasts.counting;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which bytes of the file one request delivered, as half-open ranges. From a log line: a 200 sent
 * the file from its first byte (whatever Range was asked, a 200 ignored it), a 206 the asked ranges
 * in order, each as far as the bytes served reach. From the prefix redirect, which never sees the
 * bytes: the ranges asked (to the end of the file when open), or the whole file without a Range.
 * A suffix range ({@code bytes=-500}) needs the file's size; without it the request adds nothing.
 */
final class DeliveredBytes {

    /** A file whose size is not known reaches this far. */
    static final long UNKNOWN_END = Long.MAX_VALUE / 4;

    private DeliveredBytes() {}

    record Range(long from, long to) {}

    /** Whether the header asks for the first two bytes only, which the guidelines discard. */
    static boolean firstTwoBytes(@Nullable String header) {
        if (header == null || header.length() < 9 || header.length() > 16) {
            return false;
        }
        return (header.length() == 9 ? header : header.replace(" ", "")).equalsIgnoreCase("bytes=0-1");
    }

    static List<Range> of(
            int status, @Nullable String rangeHeader, @Nullable Long bytesServed, @Nullable Long fileBytes) {
        return served(status == 200 ? List.of() : asked(rangeHeader, fileBytes), bytesServed, fileBytes);
    }

    /** What was delivered of the asked ranges (none asked: the file from its first byte), by the bytes served. */
    static List<Range> served(List<Range> asked, @Nullable Long bytesServed, @Nullable Long fileBytes) {
        long fileEnd = fileBytes == null ? UNKNOWN_END : fileBytes;
        if (bytesServed == null) {
            return asked.isEmpty() ? List.of(new Range(0, fileEnd)) : asked;
        }
        if (asked.isEmpty()) {
            return bytesServed > 0 ? List.of(new Range(0, Math.min(bytesServed, fileEnd))) : List.of();
        }
        List<Range> served = new ArrayList<>(asked.size());
        long left = bytesServed;
        for (Range range : asked) {
            if (left <= 0) {
                break;
            }
            long end = Math.min(range.to(), range.from() + left);
            served.add(new Range(range.from(), end));
            left -= end - range.from();
        }
        return served;
    }

    /** The ranges a {@code Range: bytes=…} header asks for; empty when there is none or it cannot be read. */
    static List<Range> asked(@Nullable String header, @Nullable Long fileBytes) {
        if (header == null) {
            return List.of();
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return List.of();
        }
        long fileEnd = fileBytes == null ? UNKNOWN_END : fileBytes;
        List<Range> ranges = new ArrayList<>();
        for (String part : value.substring(6).split(",", 16)) {
            Range range = range(part.strip(), fileBytes, fileEnd);
            if (range == null) {
                return List.of();
            }
            if (range.to() > range.from()) {
                ranges.add(range);
            }
        }
        return List.copyOf(ranges);
    }

    private static @Nullable Range range(String part, @Nullable Long fileBytes, long fileEnd) {
        int dash = part.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = part.substring(0, dash).strip();
            String last = part.substring(dash + 1).strip();
            if (first.isEmpty()) {
                if (last.isEmpty() || fileBytes == null) {
                    return first.isEmpty() && last.isEmpty() ? null : new Range(0, 0);
                }
                long suffix = Long.parseLong(last);
                return new Range(Math.max(0, fileBytes - suffix), fileBytes);
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? fileEnd : Math.min(fileEnd, Long.parseLong(last) + 1);
            return from < 0 || to < from ? null : new Range(from, to);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
