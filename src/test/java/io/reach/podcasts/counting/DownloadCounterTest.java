package io.reach.podcasts.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.podcasts.counting.EpisodeFacts.AdPlacement;
import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import io.reach.podcasts.counting.IpNetworks.StoredAddress;
import io.reach.podcasts.counting.ListenerRequest.ListenerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The counting rules on requests made by hand: filters, the range union, the windows, ads. */
class DownloadCounterTest {

    private static final UserAgentList AGENTS = new UserAgentList();
    private static final String APP = "AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; en_us)";
    private static final UUID PODCAST = UUID.randomUUID();
    private static final UUID EPISODE = UUID.randomUUID();
    private static final long THRESHOLD = 1_000_000;
    private static final long FILE = 40_000_000;

    private final Map<UUID, EpisodeFacts> episodes = new HashMap<>(
            Map.of(EPISODE, new EpisodeFacts(EPISODE, PODCAST, THRESHOLD, FILE, 1_000, 128, 2_500, List.of())));
    private RequestFilters filters = new RequestFilters(AGENTS, IpNetworks.EMPTY, IpNetworks.EMPTY, Map.of());

    private final Map<String, @Nullable Reason> verdicts = new LinkedHashMap<>();
    private final List<DownloadCounter.Download> downloads = new ArrayList<>();

    @Test
    void overlappingRangesCountOnceAndTheThresholdIsExact() {
        Request first = get("2026-11-02T10:00:00Z").range("bytes=0-599999").served(600_000);
        Request again = get("2026-11-02T10:01:00Z").range("bytes=0-399999").served(400_000);
        Request exact = get("2026-11-02T10:02:00Z").range("bytes=600000-999999").served(400_000);
        count(CountingWindow.UTC_DAY, List.of(first, again, exact));
        assertThat(verdicts.get(again.id)).isEqualTo(Reason.PARTIAL);
        assertThat(verdicts.get(exact.id))
                .as("the union reaches the threshold exactly")
                .isNull();
        assertThat(downloads)
                .singleElement()
                .satisfies(d -> assertThat(d.bytesDelivered()).isEqualTo(THRESHOLD));
    }

    @Test
    void oneByteShortDoesNotCount() {
        Request first = get("2026-11-02T10:00:00Z").range("bytes=0-599999").served(600_000);
        Request shy = get("2026-11-02T10:02:00Z").range("bytes=600000-999998").served(399_999);
        count(CountingWindow.UTC_DAY, List.of(first, shy));
        assertThat(verdicts.values()).containsOnly(Reason.BELOW_THRESHOLD);
        assertThat(downloads).isEmpty();
    }

    @Test
    void servedBytesNotAskedBytesDecide() {
        Request aborted = get("2026-11-02T10:00:00Z").range("bytes=0-").served(999_999);
        count(CountingWindow.UTC_DAY, List.of(aborted));
        assertThat(verdicts.get(aborted.id)).isEqualTo(Reason.BELOW_THRESHOLD);
    }

    @Test
    void theGuidelinesFourRequestsUnderEachWindow() {
        // IAB v2.3 §5.5.1: Mon 22:00, Tue 03:00, Tue 22:15, Wed 23:15 → calendar 1,1,0,1; first touch 1,0,1,1;
        // last touch 1,0,0,1.
        List<String> times =
                List.of("2026-11-02T22:00:00Z", "2026-11-03T03:00:00Z", "2026-11-03T22:15:00Z", "2026-11-04T23:15:00Z");
        assertThat(countsPerRequest(CountingWindow.UTC_DAY, times)).containsExactly(true, true, false, true);
        assertThat(countsPerRequest(CountingWindow.ROLLING_FIRST_TOUCH, times))
                .containsExactly(true, false, true, true);
        assertThat(countsPerRequest(CountingWindow.ROLLING_LAST_TOUCH, times))
                .containsExactly(true, false, false, true);
    }

    @Test
    void eachFilterIsItsReason() {
        Request head = get("2026-11-02T10:00:00Z").method("HEAD");
        Request notModified = get("2026-11-02T10:00:01Z").status(304);
        Request probe = get("2026-11-02T10:00:02Z").range("bytes=0-1").served(2).status(206);
        Request noAgent = get("2026-11-02T10:00:03Z").agent("");
        Request watch = get("2026-11-02T10:00:04Z")
                .agent("atc/1.0 watchOS/10.0 model/Watch6,1 hwp/t8301 build/21R356 (6; dt:290)");
        Request watchNull = get("2026-11-02T10:00:05Z")
                .agent("(null)/(null) watchOS/8.0 model/Watch5,1 hwp/t8006 build/19R346 (6; dt:227)");
        Request bot = get("2026-11-02T10:00:06Z")
                .agent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        Request library = get("2026-11-02T10:00:07Z").agent("python-requests/2.31.0");
        Request selfDeclared = get("2026-11-02T10:00:08Z").agent("AcmeFeedCrawler/3.0");
        count(
                CountingWindow.UTC_DAY,
                List.of(head, notModified, probe, noAgent, watch, watchNull, bot, library, selfDeclared));
        assertThat(verdicts.get(head.id)).isEqualTo(Reason.METHOD);
        assertThat(verdicts.get(notModified.id)).isEqualTo(Reason.STATUS);
        assertThat(verdicts.get(probe.id)).isEqualTo(Reason.RANGE_0_1);
        assertThat(verdicts.get(noAgent.id)).isEqualTo(Reason.USER_AGENT);
        assertThat(verdicts.get(watch.id)).isEqualTo(Reason.APPLE_WATCH);
        assertThat(verdicts.get(watchNull.id)).isEqualTo(Reason.APPLE_WATCH);
        assertThat(verdicts.get(bot.id)).isEqualTo(Reason.BOT);
        assertThat(verdicts.get(library.id))
                .as("python-requests is a library the list marks as a bot")
                .isEqualTo(Reason.BOT);
        assertThat(verdicts.get(selfDeclared.id)).isEqualTo(Reason.BOT);
    }

    @Test
    void datacenterAndWorkspaceListsMatchByNetworkOrHousehold() {
        IpNetworks datacenters = IpNetworks.of(List.of(network("198.51.100.0/22")), this::household);
        IpNetworks lists = IpNetworks.of(List.of(network("203.0.113.7"), network("2001:db8:aa::/48")), this::household);
        filters = new RequestFilters(AGENTS, datacenters, lists, Map.of());
        Request cloud = get("2026-11-02T10:00:00Z").from("198.51.101.0/24", "198.51.101.9");
        Request listed = get("2026-11-02T10:00:01Z").from("203.0.113.0/24", "203.0.113.7");
        Request neighbour = get("2026-11-02T10:00:02Z")
                .from("203.0.113.0/24", "203.0.113.8")
                .listener(2);
        Request v6 = get("2026-11-02T10:00:03Z").from6("2001:db8:aa::/48").listener(3);
        count(CountingWindow.UTC_DAY, List.of(cloud, listed, neighbour, v6));
        assertThat(verdicts.get(cloud.id)).isEqualTo(Reason.DATACENTER);
        assertThat(verdicts.get(listed.id)).isEqualTo(Reason.IP_LIST);
        assertThat(verdicts.get(neighbour.id))
                .as("the next address of the same /24 is not listed")
                .isNull();
        assertThat(verdicts.get(v6.id)).isEqualTo(Reason.IP_LIST);
    }

    @Test
    void shortEpisodesNeedTheWholeFile() {
        UUID shortEpisode = UUID.randomUUID();
        episodes.put(shortEpisode, new EpisodeFacts(shortEpisode, PODCAST, 500_000L, 500_000L, 0, 64, 50, List.of()));
        Request most =
                get("2026-11-02T10:00:00Z").episode(shortEpisode).status(200).served(499_999);
        Request whole = get("2026-11-02T12:00:00Z")
                .episode(shortEpisode)
                .status(200)
                .served(500_000)
                .listener(2);
        count(CountingWindow.UTC_DAY, List.of(most, whole));
        assertThat(verdicts.get(most.id)).isEqualTo(Reason.BELOW_THRESHOLD);
        assertThat(verdicts.get(whole.id)).isNull();
    }

    @Test
    void adsAreDeliveredWhenTheirBytesAre() {
        UUID pre = UUID.randomUUID();
        UUID mid = UUID.randomUUID();
        UUID dynamicMid = UUID.randomUUID();
        // 128 kbit/s = 16,000 bytes a second after a 1,000-byte tag: the mid-roll at 600 s lies at 9,601,000.
        episodes.put(
                EPISODE,
                new EpisodeFacts(
                        EPISODE,
                        PODCAST,
                        THRESHOLD,
                        FILE,
                        1_000,
                        128,
                        2_500,
                        List.of(
                                new AdPlacement(pre, 0, 30, false),
                                new AdPlacement(mid, 600, 60, false),
                                new AdPlacement(dynamicMid, 600, 60, true))));
        Request start = get("2026-11-02T10:00:00Z").range("bytes=0-1999999").served(2_000_000);
        Request intoMid =
                get("2026-11-02T10:10:00Z").range("bytes=9601000-9700000").served(99_001);
        Request other = get("2026-11-02T10:00:00Z")
                .range("bytes=0-1999999")
                .served(2_000_000)
                .listener(2);
        count(CountingWindow.UTC_DAY, List.of(start, intoMid, other));
        assertThat(downloads).hasSize(2);
        Map<ListenerId, List<UUID>> ads = new HashMap<>();
        downloads.forEach(d -> ads.put(d.request().listener(), d.adsDelivered()));
        assertThat(ads.get(start.listener))
                .as("pre-roll, and the baked-in mid-roll's first bytes")
                .containsExactlyInAnyOrder(pre, mid);
        assertThat(ads.get(other.listener)).containsExactly(pre);
    }

    @Test
    void aPrefixRequestCountsByWhatItAsked() {
        Request prefix = get("2026-11-02T10:00:00Z").prefix().status(302);
        Request probe = get("2026-11-02T10:00:00Z")
                .prefix()
                .status(302)
                .range("bytes=0-1")
                .listener(2);
        count(CountingWindow.UTC_DAY, List.of(prefix, probe));
        assertThat(verdicts.get(prefix.id)).isNull();
        assertThat(verdicts.get(probe.id)).isEqualTo(Reason.RANGE_0_1);
    }

    @Test
    void excludedSpikesFilterFromTheirFirstHour() {
        Request before = get("2026-11-02T09:59:59Z").from("192.0.2.0/24", "192.0.2.1");
        Request after =
                get("2026-11-02T10:00:00Z").from("192.0.2.0/24", "192.0.2.1").listener(2);
        filters = new RequestFilters(
                AGENTS,
                IpNetworks.EMPTY,
                IpNetworks.EMPTY,
                Map.of(
                        household(new byte[] {(byte) 192, 0, 2, 1}),
                        Instant.parse("2026-11-02T10:00:00Z").toEpochMilli()));
        count(CountingWindow.UTC_DAY, List.of(before, after));
        assertThat(verdicts.get(before.id)).isNull();
        assertThat(verdicts.get(after.id)).isEqualTo(Reason.SPIKE);
    }

    private List<Boolean> countsPerRequest(CountingWindow window, List<String> times) {
        verdicts.clear();
        downloads.clear();
        List<Request> requests =
                times.stream().map(time -> get(time).status(200).served(FILE)).toList();
        count(window, requests);
        return requests.stream()
                .map(request -> verdicts.get(request.id) == null)
                .toList();
    }

    /** Counts the requests day by day, as the derivation does, each day sorted by episode, listener and time. */
    private void count(CountingWindow window, List<Request> requests) {
        DownloadCounter counter = new DownloadCounter(window, episodes, filters);
        Map<LocalDate, List<ListenerRequest>> days = new java.util.TreeMap<>();
        for (Request request : requests) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(request.at), ZoneOffset.UTC);
            days.computeIfAbsent(day, d -> new ArrayList<>()).add(request.build(day));
        }
        LocalDate previous = null;
        for (Map.Entry<LocalDate, List<ListenerRequest>> day : days.entrySet()) {
            List<ListenerRequest> sorted = new ArrayList<>(day.getValue());
            sorted.sort(Comparator.comparing((ListenerRequest r) -> r.episode())
                    .thenComparing(r -> r.listener().high())
                    .thenComparing(r -> r.listener().low())
                    .thenComparingLong(ListenerRequest::at));
            counter.day(
                    sorted,
                    previous != null && previous.plusDays(1).equals(day.getKey()),
                    new DownloadCounter.Outcome() {
                        @Override
                        public void request(
                                ListenerRequest request, UserAgentList.Agent agent, @Nullable Reason reason) {
                            verdicts.put(request.id(), reason);
                        }

                        @Override
                        public void download(DownloadCounter.Download download) {
                            downloads.add(download);
                        }
                    });
            previous = day.getKey();
        }
    }

    private HouseholdKey household(byte[] identity) {
        return new HouseholdKey(java.util.Arrays.hashCode(identity), identity.length);
    }

    private static IpNetworks.Network network(String text) {
        IpNetworks.Network network = IpNetworks.parse(text);
        if (network == null) {
            throw new AssertionError("not a network: " + text);
        }
        return network;
    }

    private Request get(String at) {
        return new Request(Instant.parse(at).toEpochMilli());
    }

    /** A request under construction; the listener is the same person on every day unless told. */
    private final class Request {
        final String id = UUID.randomUUID().toString();
        final long at;
        UUID episode = EPISODE;
        int person = 1;
        ListenerId listener;
        String method = "GET";
        int status = 206;

        @Nullable
        String range = "bytes=0-";

        @Nullable
        Long served = FILE;

        String agent = APP;
        String type = "log";

        @Nullable
        StoredAddress address;

        Request(long at) {
            this.at = at;
            this.listener = listenerOn(LocalDate.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC));
        }

        Request method(String value) {
            method = value;
            return this;
        }

        Request status(int value) {
            status = value;
            return this;
        }

        Request range(@Nullable String value) {
            range = value;
            return this;
        }

        Request served(long value) {
            served = value;
            return this;
        }

        Request agent(String value) {
            agent = value;
            return this;
        }

        Request episode(UUID value) {
            episode = value;
            return this;
        }

        Request prefix() {
            type = "prefix";
            served = null;
            range = null;
            return this;
        }

        Request listener(int value) {
            person = value;
            listener = listenerOn(LocalDate.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC));
            return this;
        }

        Request from(String network, String ip) {
            IpNetworks.Network parsed = network(network);
            byte[] bytes = network(ip).address().getAddress();
            address = new StoredAddress(
                    false,
                    Integer.toUnsignedLong(IpNetworks.ipv4(parsed.address().getAddress())),
                    household(bytes));
            return this;
        }

        Request from6(String network) {
            address = new StoredAddress(
                    true, IpNetworks.high64(network(network).address().getAddress()), null);
            return this;
        }

        ListenerId listenerOn(LocalDate day) {
            return new ListenerId(person, day.toEpochDay());
        }

        ListenerRequest build(LocalDate day) {
            return new ListenerRequest(
                    id,
                    at,
                    episode,
                    listenerOn(day),
                    listenerOn(day.minusDays(1)),
                    address,
                    null,
                    type,
                    method,
                    status,
                    range,
                    served,
                    agent);
        }
    }
}
