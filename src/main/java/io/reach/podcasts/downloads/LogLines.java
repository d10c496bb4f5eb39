package io.reach.podcasts.downloads;

import io.reach.platform.web.JsonObjectLines;
import io.reach.podcasts.listeners.ListenerAddresses;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one line of an access log into a download request, or says why it cannot. The episode is
 * named by the file's address: {@code host} (given with the import, or the line's own host) and
 * the request path.
 */
final class LogLines {

    private static final Pattern COMBINED = Pattern.compile(
            "^(\\S+) \\S+ \\S+ \\[([^\\]]+)] \"(\\S+) (\\S+)[^\"]*\" (\\d{3}) (\\d+|-) \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\"(?: \"((?:[^\"\\\\]|\\\\.)*)\")?.*$");
    private static final Pattern S3 = Pattern.compile(
            "^\\S+ \\S+ \\[([^\\]]+)] (\\S+) \\S+ \\S+ (\\S+) \\S+ \"(\\S+) (\\S+)[^\"]*\" (\\d{3}|-) \\S+ (\\d+|-) \\S+ \\S+ \\S+ \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\".*?(?: (\\S+\\.\\S+) \\S+)?$");
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private LogLines() {}

    /** A line read: the request, or why it was refused; or nothing (a comment, a blank, an S3 line not a GET/HEAD of an object). */
    record Read(@Nullable DownloadRequest request, @Nullable String refusal) {
        static final Read SKIP = new Read(null, null);
    }

    /** The reader for one file (CloudFront's field order comes from the file's own #Fields line). */
    static final class Reader {
        private final LogFormat format;
        private final @Nullable String host;
        private Map<String, Integer> fields = new HashMap<>();

        Reader(LogFormat format, @Nullable String host) {
            this.format = format;
            this.host = host == null || host.isBlank() ? null : host.strip();
        }

        Read read(String line) {
            if (line.isBlank()) {
                return Read.SKIP;
            }
            return switch (format) {
                case COMBINED -> combined(line);
                case S3 -> s3(line);
                case CLOUDFRONT -> cloudfront(line);
            };
        }

        private Read combined(String line) {
            Matcher m = COMBINED.matcher(line);
            if (!m.matches()) {
                return refused("is not a combined log line");
            }
            Instant time = clf(m.group(2));
            InetAddress ip = ListenerAddresses.parse(m.group(1));
            if (time == null || ip == null) {
                return refused(time == null ? "has no readable time" : "has no IP address");
            }
            String range = dash(m.group(9));
            return request(
                    time,
                    ip,
                    unescape(m.group(8)),
                    m.group(3),
                    m.group(5),
                    range,
                    m.group(6),
                    address(null, m.group(4)),
                    dash(unescape(m.group(7))));
        }

        private Read s3(String line) {
            Matcher m = S3.matcher(line);
            if (!m.matches()) {
                return refused("is not an S3 access log line");
            }
            if (!m.group(3).startsWith("REST.GET.OBJECT") && !m.group(3).startsWith("REST.HEAD.OBJECT")) {
                return Read.SKIP;
            }
            Instant time = clf(m.group(1));
            InetAddress ip = ListenerAddresses.parse(m.group(2));
            if (time == null || ip == null) {
                return refused(time == null ? "has no readable time" : "has no IP address");
            }
            return request(
                    time,
                    ip,
                    unescape(m.group(9)),
                    m.group(4),
                    m.group(6),
                    null,
                    m.group(7),
                    address(m.group(10), m.group(5)),
                    dash(unescape(m.group(8))));
        }

        private Read cloudfront(String line) {
            if (line.startsWith("#")) {
                if (line.startsWith("#Fields:")) {
                    fields = new HashMap<>();
                    String[] names = line.substring(8).strip().split("\\s+");
                    for (int i = 0; i < names.length; i++) {
                        fields.put(names[i], i);
                    }
                }
                return Read.SKIP;
            }
            if (fields.isEmpty()) {
                return refused("comes before the file's #Fields line");
            }
            String[] values = line.split("\t", -1);
            String date = field(values, "date");
            String clock = field(values, "time");
            InetAddress ip = ListenerAddresses.parse(field(values, "c-ip"));
            if (date == null || clock == null || ip == null) {
                return refused("has no date, time or c-ip");
            }
            Instant time;
            try {
                time = LocalDate.parse(date).atTime(LocalTime.parse(clock)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return refused("has no readable date and time");
            }
            String start = field(values, "sc-range-start");
            String end = field(values, "sc-range-end");
            String range = start != null && start.matches("\\d+")
                    ? "bytes=" + start + "-" + (end == null || !end.matches("\\d+") ? "" : end)
                    : null;
            String bytes = field(values, "sc-content-len");
            if (bytes == null || !bytes.matches("\\d+")) {
                bytes = field(values, "sc-bytes");
            }
            String agent = field(values, "cs(User-Agent)");
            String referrer = field(values, "cs(Referer)");
            return request(
                    time,
                    ip,
                    agent == null ? null : decode(agent),
                    field(values, "cs-method"),
                    field(values, "sc-status"),
                    range,
                    bytes,
                    address(
                            field(values, "x-host-header") != null
                                    ? field(values, "x-host-header")
                                    : field(values, "cs(Host)"),
                            field(values, "cs-uri-stem")),
                    referrer == null ? null : decode(referrer));
        }

        private @Nullable String field(String[] values, String name) {
            Integer index = fields.get(name);
            if (index == null || index >= values.length) {
                return null;
            }
            String value = values[index];
            return value.isEmpty() || value.equals("-") ? null : value;
        }

        private @Nullable String address(@Nullable String lineHost, @Nullable String path) {
            String chosen = host != null ? host : lineHost;
            if (path == null) {
                return null;
            }
            String bare = path.startsWith("/") ? path : "/" + path;
            return chosen == null ? bare : "https://" + chosen + bare;
        }
    }

    private static Read request(
            Instant time,
            InetAddress ip,
            @Nullable String agent,
            @Nullable String method,
            @Nullable String status,
            @Nullable String range,
            @Nullable String bytes,
            @Nullable String episode,
            @Nullable String referrer) {
        if (method == null || status == null || !status.matches("\\d{1,3}") || episode == null) {
            return refused("has no method, status or path");
        }
        Long served = bytes == null || !bytes.matches("\\d{1,18}") ? null : Long.parseLong(bytes);
        return new Read(
                new DownloadRequest(
                        time,
                        ip,
                        bounded(agent, 1024),
                        bounded(method, 16) == null ? "GET" : method,
                        Integer.parseInt(status),
                        bounded(range, 200),
                        served,
                        episode.length() > 2000 ? episode.substring(0, 2000) : episode,
                        bounded(referrer, 2048)),
                null);
    }

    private static Read refused(String why) {
        return new Read(null, why);
    }

    private static @Nullable Instant clf(String text) {
        try {
            return OffsetDateTime.parse(text, CLF).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String dash(@Nullable String value) {
        return value == null || value.isEmpty() || value.equals("-") ? null : value;
    }

    private static @Nullable String unescape(@Nullable String value) {
        return value == null ? null : value.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static @Nullable String bounded(@Nullable String text, int limit) {
        if (text == null || !JsonObjectLines.storable(text)) {
            return null;
        }
        return text.length() <= limit ? text : text.substring(0, limit);
    }

    /** For tests: every line of a text read with a fresh reader. */
    static List<Read> readAll(LogFormat format, @Nullable String host, String text) {
        Reader reader = new Reader(format, host);
        List<Read> reads = new ArrayList<>();
        for (String line : text.split("\n")) {
            reads.add(reader.read(line));
        }
        return reads;
    }
}
