package io.reach.podcasts.matching;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What matching knows of each side: plain values, read once, scored without touching the database. */
public final class Profiles {

    private Profiles() {}

    /** A sponsor: the embedding of what it sells, and what it wants. */
    record SponsorProfile(
            UUID id,
            String name,
            @Nullable String industry,
            float @Nullable [] embedding,
            List<String> countries,
            List<String> devices,
            List<String> excluded,
            @Nullable BigDecimal maxCpm,
            @Nullable BigDecimal budget) {}

    /** A podcast: what its episodes talk about, who listens, and what its transcripts were flagged with. */
    record PodcastProfile(
            UUID id,
            String name,
            @Nullable String category,
            float @Nullable [] embedding,
            int transcribedEpisodes,
            Map<String, Long> countries,
            Map<String, Long> devices,
            long monthlyDownloads,
            long segments,
            Map<String, Long> flagged,
            List<Evidence> evidence) {}

    /** A flagged passage of a transcript, shown as the reason a brand-safety signal is low. */
    public record Evidence(
            UUID episodeId, String episodeTitle, @Nullable Integer startsMs, String text, List<String> categories) {}
}
