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

    /** How requests were measured, as indexes of the rollups' arrays. */
    static final List<String> EVENT_TYPES = List.of("api", "log", "prefix");

    /**
     * Requests and distinct listeners of one episode by hour and by day, per way of measuring. Requests
     * come in episode, listener and time order, so a listener is new to an hour (or the day) exactly
     * when it differs from the one before or its hour (or way) has not been seen in its run yet.
     */
    static final class Rollup {
        final long[][] hourRequests = new long[24][EVENT_TYPES.size()];
        final long[][] hourListeners = new long[24][EVENT_TYPES.size()];
        final long[] dayRequests = new long[EVENT_TYPES.size()];
        final long[] dayListeners = new long[EVENT_TYPES.size()];
    }

    private final Map<UUID, Rollup> rollups = new HashMap<>();
    private @Nullable UUID runEpisode;
    private @Nullable ListenerId runListener;
    private @Nullable Rollup runRollup;
    private long[] runSlots = new long[8];
    private int runSlotCount;
    private @Nullable HouseholdKey lastHousehold;
    private int @Nullable [] lastHouseholdHours;

    Map<UUID, Rollup> rollups() {
        return rollups;
    }

    @Override
    public void seen(ListenerRequest request) {
        requests++;
        int hour = Math.clamp((int) ((request.at() - dayStart) / 3_600_000L), 0, 23);
        int type = Math.max(0, EVENT_TYPES.indexOf(request.eventType()));
        if (!request.episode().equals(runEpisode) || !request.listener().equals(runListener)) {
            runEpisode = request.episode();
            runListener = request.listener();
            runRollup = rollups.computeIfAbsent(request.episode(), e -> new Rollup());
            runSlotCount = 0;
        }
        Rollup rollup = java.util.Objects.requireNonNull(runRollup);
        rollup.hourRequests[hour][type]++;
        rollup.dayRequests[type]++;
        if (firstInRun(hour * 8L + type)) {
            rollup.hourListeners[hour][type]++;
        }
        if (firstInRun(-1 - type)) {
            rollup.dayListeners[type]++;
        }
        HouseholdKey household = request.household();
        if (household != null) {
            int[] counts = lastHouseholdHours;
            if (counts == null || !household.equals(lastHousehold)) {
                counts = householdHours.computeIfAbsent(household, h -> new int[24]);
                householdAddresses.putIfAbsent(household, request.address());
                lastHousehold = household;
                lastHouseholdHours = counts;
            }
            counts[hour]++;
        }
    }

    /** Whether the slot is new to the current listener's run (and notes it). */
    private boolean firstInRun(long slot) {
        for (int i = 0; i < runSlotCount; i++) {
            if (runSlots[i] == slot) {
                return false;
            }
        }
        if (runSlotCount == runSlots.length) {
            runSlots = java.util.Arrays.copyOf(runSlots, runSlotCount * 2);
        }
        runSlots[runSlotCount++] = slot;
        return true;
    }

    @Override
    public void request(ListenerRequest request, UserAgentList.Agent agent, @Nullable Reason reason) {
        EpisodeDay episode = episode(request.episode());
        if (episode != null) {
            episode.requests++;
            if (reason != null) {
                episode.filtered.merge(reason, 1L, Long::sum);
            }
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

    private @Nullable UUID lastEpisodeId;
    private @Nullable EpisodeDay lastEpisode;

    /** The episode's day; null for an episode no longer in the catalog (its requests stay, uncounted). */
    private @Nullable EpisodeDay episode(UUID id) {
        if (id.equals(lastEpisodeId)) {
            return lastEpisode;
        }
        UUID podcast = podcasts.get(id);
        lastEpisodeId = id;
        lastEpisode = podcast == null ? null : episodes.computeIfAbsent(id, e -> new EpisodeDay(podcast));
        return lastEpisode;
    }
}
