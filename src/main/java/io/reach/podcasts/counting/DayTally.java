package io.reach.podcasts.counting;

import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import io.reach.podcasts.counting.ListenerRequest.ListenerId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one day's counting found, gathered as the counter reports it: per episode the requests, the
 * downloads, their distinct listeners, ads delivered and the requests not counted by reason; per
 * hour and day the requests and distinct listeners by how they were measured; and the requests an
 * hour of each household, for spikes.
 */
final class DayTally implements DownloadCounter.Outcome {

    final LocalDate day;
    final long dayStart;
    final Map<UUID, EpisodeDay> episodes = new HashMap<>();
    final Map<Slot, Listeners> hours = new HashMap<>();
    final Map<Slot, Listeners> days = new HashMap<>();
    final List<DownloadCounter.Download> downloads = new ArrayList<>();
    private final Map<HouseholdKey, int[]> householdHours = new HashMap<>();
    private final Map<HouseholdKey, IpNetworks.@Nullable StoredAddress> householdAddresses = new HashMap<>();
    private final Map<UUID, UUID> podcasts;
    long requests;

    DayTally(LocalDate day, Map<UUID, UUID> podcasts) {
        this.day = day;
        this.dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        this.podcasts = podcasts;
    }

    /** One episode's day. */
    static final class EpisodeDay {
        final UUID podcast;
        long requests;
        long downloads;
        long prefixMeasured;
        long adsDelivered;
        long bytesDelivered;
        final Set<ListenerId> listeners = new HashSet<>();
        final Map<Reason, Long> filtered = new EnumMap<>(Reason.class);
        final Map<Dimension, Map<String, Long>> breakdowns = new EnumMap<>(Dimension.class);

        EpisodeDay(UUID podcast) {
            this.podcast = podcast;
        }
    }

    /** An hour (or the day: hour -1) of one episode's requests measured one way. */
    record Slot(int hour, UUID episode, String eventType) {}

    static final class Listeners {
        long requests;
        final Set<ListenerId> distinct = new HashSet<>();
    }

    @Override
    public void request(ListenerRequest request, UserAgentList.Agent agent, @Nullable Reason reason) {
        requests++;
        EpisodeDay episode = episode(request.episode());
        if (episode != null) {
            episode.requests++;
            if (reason != null) {
                episode.filtered.merge(reason, 1L, Long::sum);
            }
        }
        int hour = (int) ((request.at() - dayStart) / 3_600_000L);
        add(hours, new Slot(hour, request.episode(), request.eventType()), request.listener());
        add(days, new Slot(-1, request.episode(), request.eventType()), request.listener());
        HouseholdKey household = request.household();
        if (household != null) {
            householdHours.computeIfAbsent(household, h -> new int[24])[Math.clamp(hour, 0, 23)]++;
            householdAddresses.putIfAbsent(household, request.address());
        }
    }

    @Override
    public void download(DownloadCounter.Download download) {
        downloads.add(download);
        EpisodeDay episode = episode(download.request().episode());
        if (episode == null) {
            return;
        }
        episode.downloads++;
        episode.listeners.add(download.request().listener());
        episode.adsDelivered += download.adsDelivered().size();
        episode.bytesDelivered += download.bytesDelivered();
        for (Dimension dimension : Dimension.values()) {
            episode.breakdowns
                    .computeIfAbsent(dimension, d -> new HashMap<>())
                    .merge(dimension.of(download), 1L, Long::sum);
        }
        if (download.request().prefixMeasured()) {
            episode.prefixMeasured++;
        }
    }

    /** The households over {@code perHour} requests in some hour: their first such hour and busiest hour. */
    List<DownloadCounter.Spike> spikes(int perHour) {
        List<DownloadCounter.Spike> spikes = new ArrayList<>();
        householdHours.forEach((household, counts) -> {
            int first = -1;
            int peak = 0;
            for (int hour = 0; hour < 24; hour++) {
                if (counts[hour] > perHour && first < 0) {
                    first = hour;
                }
                peak = Math.max(peak, counts[hour]);
            }
            if (first >= 0) {
                spikes.add(new DownloadCounter.Spike(
                        household, householdAddresses.get(household), dayStart + first * 3_600_000L, peak));
            }
        });
        return spikes;
    }

    /** The episode's day; null for an episode no longer in the catalog (its requests stay, uncounted). */
    private @Nullable EpisodeDay episode(UUID id) {
        UUID podcast = podcasts.get(id);
        return podcast == null ? null : episodes.computeIfAbsent(id, e -> new EpisodeDay(podcast));
    }

    private static void add(Map<Slot, Listeners> slots, Slot slot, ListenerId listener) {
        Listeners listeners = slots.computeIfAbsent(slot, s -> new Listeners());
        listeners.requests++;
        listeners.distinct.add(listener);
    }
}
