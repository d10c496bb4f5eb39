package io.reach.podcasts.transcripts;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a transcript into segments. SRT and WebVTT cues keep their times (WebVTT's {@code <v Name>}
 * voice gives the speaker; other markup is dropped); the Podcasting 2.0 JSON format's
 * {@code segments[{speaker, startTime, endTime, body}]} are taken as they are; plain text becomes
 * one segment per paragraph, without times. Anything else is a 400 naming what is wrong.
 */
final class TranscriptParser {

    static final int MAX_SEGMENTS = 50_000;
    static final int MAX_SEGMENT_CHARS = 20_000;

    private static final Pattern CUE_TIMES = Pattern.compile(
            "^\\s*((?:\\d{1,3}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d{1,3}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}).*$");
    private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^ >]*)?\\s+([^>]+)>");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>|\\{\\\\[^}]*}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    private final JsonMapper json;

    TranscriptParser(JsonMapper json) {
        this.json = json;
    }

    List<Segment> parse(TranscriptFormat format, String document) {
        String text = document.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        List<Segment> segments = switch (format) {
            case SRT -> cues(text, false);
            case WEBVTT -> cues(text, true);
            case JSON -> json(text);
            case TEXT -> paragraphs(text);
        };
        if (segments.isEmpty()) {
            throw refused("has no words in it as " + format.code());
        }
        if (segments.size() > MAX_SEGMENTS) {
            throw refused("has more than " + MAX_SEGMENTS + " segments");
        }
        return segments;
    }

    private static List<Segment> cues(String text, boolean webVtt) {
        if (webVtt && !text.stripLeading().startsWith("WEBVTT")) {
            throw refused("is not WebVTT: it must begin with WEBVTT");
        }
        List<Segment> segments = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.strip())) {
            String[] lines = block.strip().split("\n");
            int timing = timingLine(lines);
            if (timing < 0) {
                if (!webVtt
                        && !block.isBlank()
                        && segments.isEmpty()
                        && !block.strip().matches("\\d+")) {
                    throw refused("is not SRT: a cue has no \"00:00:01,000 --> 00:00:02,000\" line");
                }
                continue; // WebVTT's header, NOTE, STYLE and REGION blocks, or a stray number
            }
            Matcher times = CUE_TIMES.matcher(lines[timing]);
            if (!times.matches()) {
                continue;
            }
            int starts = millis(times.group(1));
            int ends = Math.max(starts, millis(times.group(2)));
            String speaker = null;
            StringBuilder words = new StringBuilder();
            for (int i = timing + 1; i < lines.length; i++) {
                String line = lines[i].strip();
                Matcher voice = VOICE.matcher(line);
                if (voice.find() && speaker == null) {
                    speaker = voice.group(1).strip();
                }
                String plain = entities(MARKUP.matcher(line).replaceAll("")).strip();
                if (!plain.isEmpty()) {
                    words.append(words.isEmpty() ? "" : " ").append(plain);
                }
            }
            add(segments, starts, ends, speaker, words.toString());
        }
        return segments;
    }

    private static int timingLine(String[] lines) {
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            if (lines[i].contains("-->")) {
                return i;
            }
        }
        return -1;
    }

    private List<Segment> json(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException malformed) {
            throw refused("is not JSON: " + malformed.getOriginalMessage());
        }
        JsonNode list = root.path("segments");
        if (!list.isArray()) {
            throw refused("is JSON without a \"segments\" array (the Podcasting 2.0 transcript format)");
        }
        List<Segment> segments = new ArrayList<>();
        for (JsonNode node : list) {
            JsonNode body = node.path("body");
            if (!body.isString()) {
                throw refused("has a segment without a \"body\" text");
            }
            Integer starts = seconds(node.path("startTime"));
            Integer ends = seconds(node.path("endTime"));
            if (starts != null && ends != null && ends < starts) {
                ends = starts;
            }
            String speaker =
                    node.path("speaker").isString() ? node.path("speaker").asString() : null;
            add(segments, starts, ends, speaker, body.asString().strip());
        }
        return segments;
    }

    private static @Nullable Integer seconds(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        double seconds = value.asDouble();
        if (!(seconds >= 0) || seconds > Integer.MAX_VALUE / 1000.0) {
            throw refused("has a time that is not a number of seconds from the start");
        }
        return (int) Math.round(seconds * 1000);
    }

    private static List<Segment> paragraphs(String text) {
        List<Segment> segments = new ArrayList<>();
        for (String paragraph : BLANK_LINES.split(text.strip())) {
            add(segments, null, null, null, paragraph.strip().replaceAll("\\s+", " "));
        }
        return segments;
    }

    /** Adds the words as one segment, or several when they are longer than a segment may be. */
    private static void add(
            List<Segment> segments,
            @Nullable Integer starts,
            @Nullable Integer ends,
            @Nullable String speaker,
            String words) {
        if (words.isEmpty()) {
            return;
        }
        String who =
                speaker == null || speaker.isBlank() ? null : speaker.substring(0, Math.min(200, speaker.length()));
        for (int from = 0; from < words.length(); from += MAX_SEGMENT_CHARS) {
            String part = words.substring(from, Math.min(words.length(), from + MAX_SEGMENT_CHARS));
            segments.add(new Segment(segments.size(), starts, ends, who, part));
        }
    }

    static int millis(String time) {
        String[] parts = time.replace(',', '.').split(":");
        int hours = parts.length == 3 ? Integer.parseInt(parts[0]) : 0;
        int minutes = Integer.parseInt(parts[parts.length - 2]);
        String[] secondsAndFraction = parts[parts.length - 1].split("\\.");
        int seconds = Integer.parseInt(secondsAndFraction[0]);
        String fraction = (secondsAndFraction[1] + "00").substring(0, 3);
        long total = ((hours * 60L + minutes) * 60 + seconds) * 1000 + Integer.parseInt(fraction);
        if (total > Integer.MAX_VALUE) {
            throw refused("has a time past what Reach stores");
        }
        return (int) total;
    }

    private static String entities(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ")
                .replace("&lrm;", "")
                .replace("&rlm;", "")
                .replace("&amp;", "&");
    }

    private static InvalidRequestException refused(String why) {
        return new InvalidRequestException("The transcript cannot be read", List.of(new FieldError("transcript", why)));
    }
}
