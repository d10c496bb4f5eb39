package io.reach.podcasts.transcripts;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import io.reach.podcasts.Episode;
import io.reach.podcasts.FeedFetcher;
import io.reach.podcasts.PodcastCatalog;
import io.reach.podcasts.transcripts.Transcripts.FlaggedSegment;
import io.reach.podcasts.transcripts.Transcripts.Stored;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * An episode's transcript as the API and console change it: read from an upload or from the feed's
 * {@code podcast:transcript}, flagged for brand safety, embedded, and stored with its segments in one
 * transaction (a new transcript replaces the old one whole); searched across the workspace.
 */
@Service
public class TranscriptLibrary {

    /** The most bytes a transcript fetched from a feed may have. */
    static final long MAX_FETCHED_BYTES = 5L * 1024 * 1024;

    static final int MAX_HITS = 200;

    private final TenantTransactions transactions;
    private final Transcripts transcripts;
    private final PodcastCatalog catalog;
    private final FeedFetcher fetcher;
    private final Embeddings embeddings;
    private final TranscriptParser parser;
    private final Clock clock;

    TranscriptLibrary(
            TenantTransactions transactions,
            Transcripts transcripts,
            PodcastCatalog catalog,
            FeedFetcher fetcher,
            Embeddings embeddings,
            JsonMapper json,
            Clock clock) {
        this.transactions = transactions;
        this.transcripts = transcripts;
        this.catalog = catalog;
        this.fetcher = fetcher;
        this.embeddings = embeddings;
        this.parser = new TranscriptParser(json);
        this.clock = clock;
    }

    /** A transcript as the API shows it: what it is, and a page of its segments. */
    public record TranscriptView(
            UUID episodeId,
            @Nullable String language,
            String searchConfig,
            @Nullable BigDecimal confidenceScore,
            TranscriptFormat format,
            TranscriptSource source,
            @Nullable String sourceUrl,
            int segmentCount,
            boolean embedded,
            Map<String, Long> flaggedSegments,
            List<SegmentView> segments,
            Instant createdAt,
            Instant updatedAt) {}

    /** A segment with its brand-safety flags. */
    public record SegmentView(
            int position,
            @Nullable Integer startsMs,
            @Nullable Integer endsMs,
            @Nullable String speaker,
            String body,
            List<String> flags) {}

    /** A search hit: the segment's episode and times, and its words with the matching ones marked. */
    public record SearchHit(
            UUID episodeId,
            String episodeTitle,
            UUID podcastId,
            int position,
            @Nullable Integer startsMs,
            @Nullable Integer endsMs,
            @Nullable String speaker,
            List<Fragment> highlight) {}

    /** A piece of a hit's text; {@code hit} when it is a word the search matched. */
    public record Fragment(String text, boolean hit) {}

    public TranscriptView upload(
            UUID episodeId,
            @Nullable String mediaType,
            byte[] body,
            @Nullable String language,
            @Nullable BigDecimal confidence) {
        TranscriptFormat format = Optional.ofNullable(mediaType)
                .flatMap(TranscriptFormat::ofMediaType)
                .orElseThrow(
                        () -> new InvalidRequestException(
                                "The transcript's format is not one Reach reads",
                                List.of(
                                        new FieldError(
                                                "Content-Type",
                                                "is text/vtt, application/x-subrip, application/json (Podcasting 2.0) or text/plain"))));
        Episode episode = catalog.episode(episodeId).episode();
        return store(episode, format, TranscriptSource.UPLOAD, null, text(body), language, confidence);
    }

    /** Fetches the transcript the episode's feed names (the format with times first) and stores it. */
    public TranscriptView importFromFeed(UUID episodeId) {
        Episode episode = catalog.episode(episodeId).episode();
        record Link(
                String url,
                TranscriptFormat format,
                @Nullable String language) {}
        Link link = episode.transcripts().stream()
                .flatMap(attributes -> {
                    String url = attributes.get("url");
                    String type = attributes.get("type");
                    if (url == null || type == null) {
                        return java.util.stream.Stream.empty();
                    }
                    return TranscriptFormat.ofMediaType(type)
                            .map(f -> new Link(url, f, attributes.get("language")))
                            .stream();
                })
                .min(Comparator.comparingInt(l -> l.format().preference()))
                .orElseThrow(() -> new InvalidRequestException(
                        "The episode's feed names no transcript Reach reads",
                        List.of(new FieldError(
                                "transcripts", "has no podcast:transcript in SRT, WebVTT, JSON or text"))));
        FeedFetcher.Document document = fetcher.transcript(link.url(), MAX_FETCHED_BYTES);
        String language = link.language() != null ? link.language() : null;
        return store(episode, link.format(), TranscriptSource.FEED, link.url(), text(document.body()), language, null);
    }

    public TranscriptView read(UUID episodeId, int offset, int limit) {
        return transactions.inTransaction(() -> {
            Stored stored =
                    transcripts.find(episodeId).orElseThrow(() -> new NotFoundException("Transcript", episodeId));
            return view(stored, transcripts.flagCounts(episodeId), transcripts.segments(episodeId, offset, limit));
        });
    }

    public void delete(UUID episodeId) {
        transactions.inTransaction(() -> {
            if (!transcripts.delete(episodeId)) {
                throw new NotFoundException("Transcript", episodeId);
            }
        });
    }

    public List<SearchHit> search(@Nullable String query, @Nullable UUID podcast, int limit) {
        if (query == null || query.isBlank() || query.length() > 500) {
            throw new InvalidRequestException(new FieldError("q", "is the words to find (1 to 500 characters)"));
        }
        if (limit < 1 || limit > MAX_HITS) {
            throw new InvalidRequestException(new FieldError("limit", "is between 1 and " + MAX_HITS));
        }
        return transactions.inTransaction(() -> {
            List<Transcripts.Hit> hits = new ArrayList<>();
            for (String config : transcripts.configsInUse()) {
                hits.addAll(transcripts.search(config, query, podcast, limit));
            }
            return hits.stream()
                    .sorted(Comparator.comparingDouble(Transcripts.Hit::rank).reversed())
                    .limit(limit)
                    .map(hit -> new SearchHit(
                            hit.episodeId(),
                            hit.episodeTitle(),
                            hit.podcastId(),
                            hit.position(),
                            hit.startsMs(),
                            hit.endsMs(),
                            hit.speaker(),
                            fragments(hit.headline())))
                    .toList();
        });
    }

    private TranscriptView store(
            Episode episode,
            TranscriptFormat format,
            TranscriptSource source,
            @Nullable String url,
            String document,
            @Nullable String language,
            @Nullable BigDecimal confidence) {
        List<FieldError> errors = new ArrayList<>();
        if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            errors.add(new FieldError("language", "is a language tag such as en or pt-BR"));
        }
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            errors.add(new FieldError("confidence_score", "is between 0 and 1"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The transcript is not valid", errors);
        }
        List<Segment> segments = parser.parse(format, document);
        List<FlaggedSegment> flagged = segments.stream()
                .map(segment -> new FlaggedSegment(segment, SafetyCategory.codes(SafetyCategory.flags(segment.body()))))
                .toList();
        String content = segments.stream().map(Segment::body).collect(Collectors.joining("\n"));
        if (content.length() > 2_000_000) {
            throw new InvalidRequestException(new FieldError("transcript", "is longer than 2,000,000 characters"));
        }
        float[] embedding = embeddings.of(content);
        String tag = language != null ? language : episodeLanguage(episode);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Instant created =
                    transcripts.find(episode.id()).map(Stored::createdAt).orElse(now);
            Stored stored = new Stored(
                    episode.id(),
                    tag,
                    SearchConfigs.of(tag),
                    confidence,
                    format,
                    source,
                    url,
                    segments.size(),
                    true,
                    created,
                    now);
            transcripts.save(stored, content, embedding, flagged);
            return view(
                    stored, transcripts.flagCounts(episode.id()), flagged.subList(0, Math.min(flagged.size(), 100)));
        });
    }

    private @Nullable String episodeLanguage(Episode episode) {
        String language = catalog.find(episode.podcastId()).language();
        return language == null || !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*") ? null : language;
    }

    private static TranscriptView view(Stored stored, Map<String, Long> flags, List<FlaggedSegment> segments) {
        return new TranscriptView(
                stored.episodeId(),
                stored.language(),
                stored.searchConfig(),
                stored.confidenceScore(),
                stored.format(),
                stored.source(),
                stored.sourceUrl(),
                stored.segmentCount(),
                stored.embedded(),
                flags,
                segments.stream()
                        .map(s -> new SegmentView(
                                s.segment().position(),
                                s.segment().startsMs(),
                                s.segment().endsMs(),
                                s.segment().speaker(),
                                s.segment().body(),
                                s.flags()))
                        .toList(),
                stored.createdAt(),
                stored.updatedAt());
    }

    static List<Fragment> fragments(String headline) {
        List<Fragment> fragments = new ArrayList<>();
        int at = 0;
        while (at < headline.length()) {
            int start = headline.indexOf(Transcripts.MARK_START, at);
            if (start < 0) {
                fragments.add(new Fragment(headline.substring(at), false));
                break;
            }
            if (start > at) {
                fragments.add(new Fragment(headline.substring(at, start), false));
            }
            int end = headline.indexOf(Transcripts.MARK_END, start);
            int stop = end < 0 ? headline.length() : end;
            fragments.add(new Fragment(headline.substring(start + 1, stop), true));
            at = end < 0 ? headline.length() : end + 1;
        }
        return fragments;
    }

    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString()
                    .replaceAll("[\\x00\\x02\\x03]", "");
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidRequestException(new FieldError("transcript", "is not UTF-8 text"));
        }
    }
}
