package io.reach.podcasts;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The workspace's podcasts and episodes: entered through the API, or imported from a feed (the
 * podcast matched by its feed address, each episode by its guid, so importing again refreshes
 * rather than duplicates, and an episode whose enclosure changed keeps its earlier addresses).
 */
@Service
public class PodcastCatalog {

    private final Podcasts podcasts;
    private final Episodes episodes;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    PodcastCatalog(Podcasts podcasts, Episodes episodes, TenantTransactions transactions, Ids ids, Clock clock) {
        this.podcasts = podcasts;
        this.episodes = episodes;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** An episode with every audio address it has had. */
    public record EpisodeView(Episode episode, List<String> enclosures) {}

    /** What an import did: the podcast, and how many episodes it added and refreshed. */
    public record Imported(Podcast podcast, int episodesCreated, int episodesUpdated) {}

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
        return transactions.inTransaction(() -> {
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
                    podcasts.find(id).orElseThrow(), created, feed.items().size() - created);
        });
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
