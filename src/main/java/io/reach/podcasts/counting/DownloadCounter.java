package io.reach.podcasts.counting;

import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import io.reach.podcasts.counting.ListenerRequest.ListenerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Counts downloads from one day's requests at a time, given in order of episode, listener and time.
 * A request that passes the filters adds the bytes it delivered to its listener's union for the
 * episode; the download counts at the request whose union first reaches the episode's required
 * bytes, and the window decides when a listener may count again. Ads are delivered when the bytes
 * of the download's window (up to the end of its day) cover them. For rolling windows the state of
 * the previous day is carried over (the next day finds it by the request's previous-day key), so
 * days must be given in order; a gap starts afresh.
 */
final class DownloadCounter {

    static final long DAY = 86_400_000L;

    /** Where counting reports: every request's verdict (null reason: it counted) and every download. */
    interface Outcome {
        /** Every request, in the order given (before its verdict, which may come later). */
        default void seen(ListenerRequest request) {}

        void request(ListenerRequest request, UserAgentList.Agent agent, @Nullable Reason reason);

        void download(Download download);
    }

    /** A counted download, at the request that completed it. */
    record Download(
            ListenerRequest request,
            UUID podcast,
            UserAgentList.Agent agent,
            long bytesDelivered,
            List<UUID> adsDelivered) {}

    private record ChainKey(UUID episode, ListenerId listener) {}

    private static final class Chain {
        final ByteUnion union = new ByteUnion();
        final List<ListenerRequest> pending = new ArrayList<>();
        final List<UserAgentList.Agent> pendingAgents = new ArrayList<>();
        long accumulationStart = -1;
        long lastAt = Long.MIN_VALUE;
        boolean counted;
        long windowEnd;

        @Nullable
        ListenerRequest countedBy;

        UserAgentList.@Nullable Agent countedAgent;
    }

    private final CountingWindow window;
    private final Map<UUID, EpisodeFacts> episodes;
    private final RequestFilters filters;
    private Map<ChainKey, Chain> carried = new HashMap<>();

    DownloadCounter(CountingWindow window, Map<UUID, EpisodeFacts> episodes, RequestFilters filters) {
        this.window = window;
        this.episodes = episodes;
        this.filters = filters;
    }

    /** Counts one day; {@code followsPrevious} says the day given before was the day before this one. */
    void day(Iterable<ListenerRequest> requests, boolean followsPrevious, Outcome outcome) {
        if (!followsPrevious || window == CountingWindow.UTC_DAY) {
            carried = new HashMap<>();
        }
        Map<ChainKey, Chain> today = new HashMap<>();
        UUID lastEpisode = null;
        ListenerId lastListener = null;
        Chain lastChain = null;
        for (ListenerRequest request : requests) {
            outcome.seen(request);
            UserAgentList.Agent agent = filters.agents().classify(request.userAgent());
            EpisodeFacts episode = episodes.get(request.episode());
            Reason filtered = episode == null ? Reason.UNMEASURED_EPISODE : filters.reason(request, agent);
            if (filtered != null || episode == null) {
                outcome.request(request, agent, filtered);
                continue;
            }
            Chain chain = lastChain;
            if (chain == null
                    || !request.episode().equals(lastEpisode)
                    || !request.listener().equals(lastListener)) {
                ChainKey key = new ChainKey(request.episode(), request.listener());
                chain = today.get(key);
                if (chain == null) {
                    Chain before = carried.remove(new ChainKey(request.episode(), request.previous()));
                    chain = before == null ? new Chain() : before;
                    today.put(key, chain);
                }
                lastChain = chain;
                lastEpisode = request.episode();
                lastListener = request.listener();
            }
            step(chain, request, agent, episode, outcome);
        }
        for (Map.Entry<ChainKey, Chain> entry : today.entrySet()) {
            endOfDay(entry.getValue(), episodes.get(entry.getKey().episode()), outcome);
        }
        carried = today;
    }

    private void step(
            Chain chain, ListenerRequest request, UserAgentList.Agent agent, EpisodeFacts episode, Outcome outcome) {
        long at = request.at();
        switch (window) {
            case ROLLING_FIRST_TOUCH -> {
                if (chain.counted && at >= chain.windowEnd) {
                    restart(chain, outcome);
                }
                if (!chain.counted && chain.accumulationStart >= 0 && at - chain.accumulationStart >= DAY) {
                    restart(chain, outcome);
                }
            }
            case ROLLING_LAST_TOUCH -> {
                if (chain.lastAt != Long.MIN_VALUE && at - chain.lastAt >= DAY) {
                    restart(chain, outcome);
                }
            }
            case UTC_DAY -> {}
        }
        chain.lastAt = at;
        Long required = episode.requiredBytes();
        if (required == null) {
            outcome.request(request, agent, Reason.UNMEASURED_EPISODE);
            return;
        }
        for (DeliveredBytes.Range range : delivered(request, episode)) {
            chain.union.add(range.from(), range.to());
        }
        if (chain.counted) {
            outcome.request(request, agent, Reason.DUPLICATE);
            return;
        }
        if (chain.accumulationStart < 0) {
            chain.accumulationStart = at;
        }
        if (chain.union.total() >= required) {
            chain.counted = true;
            chain.windowEnd = at + DAY;
            chain.countedBy = request;
            chain.countedAgent = agent;
            for (int i = 0; i < chain.pending.size(); i++) {
                outcome.request(chain.pending.get(i), chain.pendingAgents.get(i), Reason.PARTIAL);
            }
            chain.pending.clear();
            chain.pendingAgents.clear();
            outcome.request(request, agent, null);
        } else {
            chain.pending.add(request);
            chain.pendingAgents.add(agent);
        }
    }

    private record Asked(@Nullable String range, @Nullable Long fileBytes) {}

    /** The asked ranges of each Range header and file size met (a day repeats a handful of them). */
    private final Map<Asked, List<DeliveredBytes.Range>> asked = new HashMap<>();

    private List<DeliveredBytes.Range> delivered(ListenerRequest request, EpisodeFacts episode) {
        String range = request.range();
        if (request.status() == 200 || range == null) {
            return DeliveredBytes.of(request.status(), range, request.bytesServed(), episode.fileBytes());
        }
        Long fileBytes = episode.fileBytes();
        List<DeliveredBytes.Range> ranges = asked.get(new Asked(range, fileBytes));
        if (ranges == null) {
            if (asked.size() > 10_000) {
                asked.clear();
            }
            ranges = DeliveredBytes.asked(range, fileBytes);
            asked.put(new Asked(range, fileBytes), ranges);
        }
        return DeliveredBytes.served(ranges, request.bytesServed(), fileBytes);
    }

    /** A new window: what the old one counted is reported with its ads, what it left short is below the threshold. */
    private void restart(Chain chain, Outcome outcome) {
        ListenerRequest counted = chain.countedBy;
        if (counted != null) {
            EpisodeFacts episode = episodes.get(counted.episode());
            if (episode != null) {
                report(chain, episode, outcome);
            }
        }
        belowThreshold(chain, outcome);
        chain.union.clear();
        chain.counted = false;
        chain.accumulationStart = -1;
        chain.countedBy = null;
        chain.countedAgent = null;
    }

    private void endOfDay(Chain chain, @Nullable EpisodeFacts episode, Outcome outcome) {
        if (episode != null && chain.countedBy != null) {
            report(chain, episode, outcome);
        }
        // A rolling window's download is reported on the day it counted; its state lives on.
        chain.countedBy = null;
        chain.countedAgent = null;
        belowThreshold(chain, outcome);
    }

    private static void belowThreshold(Chain chain, Outcome outcome) {
        for (int i = 0; i < chain.pending.size(); i++) {
            outcome.request(chain.pending.get(i), chain.pendingAgents.get(i), Reason.BELOW_THRESHOLD);
        }
        chain.pending.clear();
        chain.pendingAgents.clear();
    }

    private static void report(Chain chain, EpisodeFacts episode, Outcome outcome) {
        ListenerRequest counted = chain.countedBy;
        UserAgentList.Agent agent = chain.countedAgent;
        if (counted == null || agent == null) {
            return;
        }
        List<UUID> ads = new ArrayList<>();
        for (EpisodeFacts.AdPlacement ad : episode.ads()) {
            long[] bytes = episode.byteWindow(ad);
            if (bytes != null
                    && (ad.dynamic()
                            ? chain.union.covers(bytes[0], bytes[1])
                            : chain.union.touches(bytes[0], bytes[1]))) {
                ads.add(ad.id());
            }
        }
        long delivered = chain.union.total();
        Long fileBytes = episode.fileBytes();
        if (fileBytes != null) {
            delivered = Math.min(delivered, fileBytes);
        } else if (delivered >= DeliveredBytes.UNKNOWN_END / 2) {
            // An open range of a file of unknown size (the prefix redirect): what is known is the threshold.
            Long required = episode.requiredBytes();
            delivered = required == null ? 0 : required;
        }
        outcome.download(new Download(counted, episode.podcast(), agent, delivered, List.copyOf(ads)));
        chain.countedBy = null;
    }

    /** A household requesting faster than the rule in some hour of the day. */
    record Spike(HouseholdKey household, IpNetworks.@Nullable StoredAddress address, long firstHour, int peak) {}
}
