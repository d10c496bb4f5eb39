package io.reach.podcasts;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The workspace's podcasts and episodes: entered through the API, or imported from a feed (the
 * podcast matched by its feed address, each episode by its guid, so importing again refreshes
 * rather than duplicates, and an episode whose enclosure changed keeps its earlier addresses).
 */
@Service
public class PodcastCatalog {

    /** How much of an episode's audio is read to find its first minute: a minute at 320 kbit/s and more. */
    static final int AUDIO_PREFIX = 3 * 1024 * 1024;

    private final Podcasts podcasts;
    private final Episodes episodes;
    private final FeedFetcher fetcher;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;
    private final ObjectProvider<SchedulerClient> scheduler;

    PodcastCatalog(
            Podcasts podcasts,
            Episodes episodes,
            FeedFetcher fetcher,
            TenantTransactions transactions,
            Ids ids,
            Clock clock,
            ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
        this.podcasts = podcasts;
        this.episodes = episodes;
        this.fetcher = fetcher;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** An episode with every audio address it has had. */
    public record EpisodeView(Episode episode, List<String> enclosures) {}

    /**
     * What an import did: the podcast, how many episodes it added and refreshed, and whether the feed
     * was unchanged since the last fetch (its host answered 304).
     */
    public record Imported(Podcast podcast, int episodesCreated, int episodesUpdated, boolean unchanged) {}

    /**
     * Fetches the feed at this address (conditionally, when the workspace already has it) and imports
     * it. Nothing is written when the feed is unchanged.
     */
    Imported importFrom(String feedUrl) {
        Podcasts.FeedState known = transactions
                .inTransaction(() -> podcasts.feedState(feedUrl))
                .orElse(new Podcasts.FeedState(null, null));
        FeedFetcher.Feed fetched = fetcher.feed(feedUrl, known.etag(), known.lastModified());
        byte[] body = fetched.body();
        if (body == null) {
            return transactions.inTransaction(() -> {
                Podcast podcast = podcasts.withFeed(feedUrl).orElseThrow();
                podcasts.synced(podcast.id(), clock.instant());
                return new Imported(podcasts.find(podcast.id()).orElseThrow(), 0, 0, true);
            });
        }
        Imported imported = importFeed(feedUrl, FeedReader.read(new java.io.ByteArrayInputStream(body), feedUrl));
        transactions.inTransaction(() -> podcasts.fetched(
                imported.podcast().id(),
                new Podcasts.FeedState(fetched.etag(), fetched.lastModified()),
                clock.instant()));
        return imported;
    }

    /**
     * Measures the episode's audio: its size (HEAD), its ID3 tag and first minute (the first
     * {@value #AUDIO_PREFIX} bytes), so downloads can be counted by the one-minute rule.
     */
    public EpisodeView measureAudio(UUID id) {
        Episode episode = transactions.inTransaction(() -> view(id)).episode();
        String audio = episode.audioUrl();
        if (audio == null) {
            throw new ConflictException("No audio", "The episode has no audio_url to measure");
        }
        Long size = fetcher.size(audio).orElse(episode.fileBytes());
        byte[] prefix = fetcher.prefix(audio, AUDIO_PREFIX);
        AudioFacts facts = AudioFacts.measure(prefix, size == null ? prefix.length : size);
        return transactions.inTransaction(() -> {
            episodes.measured(id, size, facts, clock.instant());
            return view(id);
        });
    }

    Podcast create(PodcastDetails details) {
        return transactions.inTransaction(() -> {
            UUID id = ids.next();
            if (!podcasts.add(id, details, clock.instant())) {
                throw feedTaken(details.rssFeedUrl());
            }
            return podcasts.find(id).orElseThrow();
        });
    }

    public Podcast find(UUID id) {
        return transactions.inTransaction(() -> podcastOf(id));
    }

    public CursorPage<Podcast> page(PageRequest page) {
        return transactions.inTransaction(
                () -> CursorPage.of(podcasts.page(page.afterOrStart(), page.fetchSize()), page, Podcast::id));
    }

    Podcast change(UUID id, PodcastDetails details) {
        return transactions.inTransaction(() -> {
            podcastOf(id);
            if (!podcasts.update(id, details, clock.instant())) {
                throw feedTaken(details.rssFeedUrl());
            }
            return podcasts.find(id).orElseThrow();
        });
    }

    public void delete(UUID id) {
        transactions.inTransaction(() -> {
            if (!podcasts.delete(id)) {
                throw PodcastNotFound.forId(id);
            }
        });
    }

    /** Adds an episode; a 409 when the podcast has one with that guid. */
    EpisodeView addEpisode(UUID podcast, EpisodeDetails details) {
        return transactions.inTransaction(() -> {
            podcastOf(podcast);
            if (episodes.exists(podcast, details.guid())) {
                throw new ConflictException("Episode exists", "The podcast has an episode with guid " + details.guid());
            }
            Episodes.Saved saved = episodes.save(ids.next(), podcast, details, clock.instant());
            return view(saved.id());
        });
    }

    public CursorPage<Episode> episodes(UUID podcast, PageRequest page) {
        return transactions.inTransaction(() -> {
            podcastOf(podcast);
            return CursorPage.of(episodes.page(podcast, page.beforeOrEnd(), page.fetchSize()), page, Episode::id);
        });
    }

    public EpisodeView episode(UUID id) {
        return transactions.inTransaction(() -> view(id));
    }

    public void deleteEpisode(UUID id) {
        transactions.inTransaction(() -> {
            if (!episodes.delete(id)) {
                throw PodcastNotFound.episodeForId(id);
            }
        });
    }

    /** Adds the feed's podcast or refreshes the workspace's podcast of that feed, with every item. */
    Imported importFeed(String feedUrl, FeedReader.Feed feed) {
        Imported imported = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            PodcastDetails details = new PodcastDetails(
                    feed.name(),
                    feed.description(),
                    feedUrl,
                    feed.websiteUrl(),
                    feed.category(),
                    feed.language(),
                    feed.artworkUrl(),
                    feed.ownerName(),
                    feed.ownerEmail(),
                    feed.explicit(),
                    feed.guid());
            UUID id = podcasts.withFeed(feedUrl).map(Podcast::id).orElseGet(ids::next);
            if (!podcasts.add(id, details, now)) {
                podcasts.update(id, details, now);
            }
            int created = 0;
            for (EpisodeDetails item : feed.items()) {
                if (episodes.save(ids.next(), id, item, now).created()) {
                    created++;
                }
            }
            podcasts.synced(id, now);
            return new Imported(
                    podcasts.find(id).orElseThrow(), created, feed.items().size() - created, false);
        });
        // The new (or changed) episodes' audio is measured in the background (FeedSync).
        String key = TenantContext.require().value() + ":" + imported.podcast().id();
        scheduler
                .getObject()
                .scheduleIfNotExists(FeedSync.MEASURE.instance(key).data(key).scheduledTo(clock.instant()));
        return imported;
    }

    private EpisodeView view(UUID id) {
        Episode episode = episodes.find(id).orElseThrow(() -> PodcastNotFound.episodeForId(id));
        return new EpisodeView(episode, episodes.enclosures(id));
    }

    private Podcast podcastOf(UUID id) {
        return podcasts.find(id).orElseThrow(() -> PodcastNotFound.forId(id));
    }

    private static ConflictException feedTaken(@org.jspecify.annotations.Nullable String feed) {
        return new ConflictException("Feed taken", "The workspace has a podcast with the feed " + feed);
    }
}
