package io.reach.podcasts.counting;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.podcasts.DownloadsCounted;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Derives a workspace's downloads and metrics from its stored requests, a day at a time, by the
 * current lists and settings — as often as asked: counting a day again replaces what it derived
 * before. Rolling windows carry state from day to day, so a range is counted from the day before
 * it (read, not written); the days that received requests since they were counted are counted by
 * {@link #countUncounted}.
 */
@Service
public class DownloadCounting {

    private static final Logger log = LoggerFactory.getLogger(DownloadCounting.class);

    private final TenantTransactions transactions;
    private final MeasurementSettings settings;
    private final CountingLists lists;
    private final EpisodeFactsReader episodes;
    private final DayRequests requests;
    private final DayResults results;
    private final Anomalies anomalies;
    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DownloadCounting(
            TenantTransactions transactions,
            MeasurementSettings settings,
            CountingLists lists,
            EpisodeFactsReader episodes,
            DayRequests requests,
            DayResults results,
            Anomalies anomalies,
            JdbcClient jdbc,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.transactions = transactions;
        this.settings = settings;
        this.lists = lists;
        this.episodes = episodes;
        this.requests = requests;
        this.results = results;
        this.anomalies = anomalies;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** What a count did. */
    public record Counted(int days, long requests, long downloads) {}

    /** Counts the days {@code [from, to]}, reporting each day done. */
    public Counted count(TenantId tenant, LocalDate from, LocalDate to, Consumer<LocalDate> dayDone) {
        Context context = transactions.inTransactionAs(
                tenant, () -> new Context(settings.current(), lists.current(tenant), episodes.all()));
        Map<UUID, UUID> podcasts = new HashMap<>();
        context.episodes().forEach((id, facts) -> podcasts.put(id, facts.podcast()));
        DownloadCounter counter = new DownloadCounter(
                context.settings().countingWindow(),
                context.episodes(),
                context.lists().filters());
        boolean rolling = context.settings().countingWindow() != CountingWindow.UTC_DAY;
        LocalDate first = rolling ? from.minusDays(1) : from;
        long totalRequests = 0;
        long totalDownloads = 0;
        int days = 0;
        long waitingForReads = 0;
        long judging = 0;
        long waitingForWrites = 0;
        // Three stages on their own threads: the next day is read while this one is counted, and
        // the day before is written meanwhile (days are written in order, one at a time).
        try (ExecutorService stages =
                Executors.newFixedThreadPool(2, Thread.ofVirtual().factory())) {
            Future<List<ListenerRequest>> nextRead =
                    stages.submit(() -> transactions.inTransactionAs(tenant, () -> requests.read(first, rolling)));
            Future<?> lastWrite = CompletableFuture.completedFuture(null);
            for (LocalDate day = first; !day.isAfter(to); day = day.plusDays(1)) {
                LocalDate current = day;
                long started = System.nanoTime();
                List<ListenerRequest> read = nextRead.get();
                LocalDate following = day.plusDays(1);
                if (!following.isAfter(to)) {
                    nextRead = stages.submit(
                            () -> transactions.inTransactionAs(tenant, () -> requests.read(following, rolling)));
                }
                long readAt = System.nanoTime();
                DayTally tally = new DayTally(current, podcasts);
                counter.day(read, !current.equals(first), tally);
                long judgedAt = System.nanoTime();
                waitingForReads += readAt - started;
                judging += judgedAt - readAt;
                if (current.isBefore(from)) {
                    continue;
                }
                lastWrite.get();
                waitingForWrites += System.nanoTime() - judgedAt;
                lastWrite = stages.submit(() -> {
                    write(tenant, context, tally);
                    dayDone.accept(current);
                });
                totalRequests += tally.requests;
                totalDownloads += tally.downloads.size();
                days++;
            }
            long drained = System.nanoTime();
            lastWrite.get();
            waitingForWrites += System.nanoTime() - drained;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Counting was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Counting failed: " + e.getMessage(), e);
        }
        long reading = waitingForReads;
        long writing = waitingForWrites;
        log.info(
                "Downloads counted for tenant {}: {} to {}, {} requests, {} downloads ({}); waited {} ms for reads,"
                        + " counted {} ms, waited {} ms for writes",
                tenant.value(),
                from,
                to,
                totalRequests,
                totalDownloads,
                context.settings().countingWindow().code(),
                reading / 1_000_000,
                judging / 1_000_000,
                writing / 1_000_000);
        return new Counted(days, totalRequests, totalDownloads);
    }

    /** Replaces the day's derived rows and records its spikes, in one transaction. */
    private void write(TenantId tenant, Context context, DayTally tally) {
        Instant now = clock.instant();
        transactions.inTransactionAs(tenant, () -> {
            results.replace(
                    tenant.value().toString(),
                    tally,
                    context.settings().countingWindow(),
                    context.lists().versions(),
                    now);
            events.publishEvent(new DownloadsCounted(tenant.value(), tally.day));
            int rule = context.settings().spikeRequestsPerHour();
            for (DownloadCounter.Spike spike : tally.spikes(rule)) {
                anomalies.detected(
                        ids.next(),
                        spike.household(),
                        network(spike.address()),
                        Instant.ofEpochMilli(spike.firstHour()),
                        spike.peak(),
                        rule,
                        now);
            }
        });
    }

    /**
     * Counts the days that received requests since they were last counted (and, under a rolling
     * window, the day after each, which may depend on it); a day written again meanwhile stays queued.
     */
    public Counted countUncounted(TenantId tenant) {
        record Uncounted(LocalDate day, long changes) {}
        List<Uncounted> uncounted = transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("select day, changes from podcasts.uncounted_days order by day")
                        .query((rs, row) -> new Uncounted(rs.getObject("day", LocalDate.class), rs.getLong("changes")))
                        .list());
        if (uncounted.isEmpty()) {
            return new Counted(0, 0, 0);
        }
        boolean rolling =
                transactions.inTransactionAs(tenant, settings::current).countingWindow() != CountingWindow.UTC_DAY;
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long requestsCounted = 0;
        long downloadsCounted = 0;
        int daysCounted = 0;
        int i = 0;
        while (i < uncounted.size()) {
            LocalDate start = uncounted.get(i).day();
            LocalDate end = start;
            while (i + 1 < uncounted.size() && uncounted.get(i + 1).day().equals(end.plusDays(1))) {
                end = uncounted.get(++i).day();
            }
            i++;
            LocalDate last = rolling && end.isBefore(today) ? end.plusDays(1) : end;
            Counted counted = count(tenant, start, last, day -> {});
            requestsCounted += counted.requests();
            downloadsCounted += counted.downloads();
            daysCounted += counted.days();
        }
        transactions.inTransactionAs(tenant, () -> {
            for (Uncounted day : uncounted) {
                jdbc.sql("delete from podcasts.uncounted_days where day = :day and changes = :changes")
                        .param("day", day.day())
                        .param("changes", day.changes())
                        .update();
            }
        });
        return new Counted(daysCounted, requestsCounted, downloadsCounted);
    }

    /** One request of an episode and what counting made of it (null reason: it counted); never its address. */
    public record Verdict(
            UUID id,
            Instant occurredAt,
            String listenerId,
            String eventType,
            String method,
            int status,
            @org.jspecify.annotations.Nullable String range,
            @org.jspecify.annotations.Nullable Long bytesServed,
            @org.jspecify.annotations.Nullable String userAgent,
            @org.jspecify.annotations.Nullable String app,
            @org.jspecify.annotations.Nullable String country,
            boolean counted,
            @org.jspecify.annotations.Nullable Reason reason) {}

    /**
     * Why each of an episode's requests on a day counted or not, by counting the day again (and the
     * day before, for a rolling window) with today's lists, without writing anything; at most
     * {@code limit} requests, in time order.
     */
    public List<Verdict> explain(TenantId tenant, UUID episode, LocalDate day, int limit) {
        Context context = transactions.inTransactionAs(
                tenant, () -> new Context(settings.current(), lists.current(tenant), episodes.all()));
        DownloadCounter counter = new DownloadCounter(
                context.settings().countingWindow(),
                context.episodes(),
                context.lists().filters());
        boolean rolling = context.settings().countingWindow() != CountingWindow.UTC_DAY;
        List<Verdict> verdicts = new java.util.ArrayList<>();
        for (LocalDate current = rolling ? day.minusDays(1) : day;
                !current.isAfter(day);
                current = current.plusDays(1)) {
            LocalDate reading = current;
            List<ListenerRequest> read = transactions.inTransactionAs(tenant, () -> requests.read(reading, rolling));
            boolean keep = current.equals(day);
            counter.day(read, rolling && current.equals(day), new DownloadCounter.Outcome() {
                @Override
                public void request(
                        ListenerRequest request,
                        UserAgentList.Agent agent,
                        @org.jspecify.annotations.Nullable Reason reason) {
                    if (keep && request.episode().equals(episode)) {
                        verdicts.add(new Verdict(
                                UUID.fromString(request.id()),
                                Instant.ofEpochMilli(request.at()),
                                java.util.HexFormat.of()
                                        .formatHex(request.listener().bytes()),
                                request.eventType(),
                                request.method(),
                                request.status(),
                                request.range(),
                                request.bytesServed(),
                                request.userAgent(),
                                agent.name(),
                                request.country(),
                                reason == null,
                                reason));
                    }
                }

                @Override
                public void download(DownloadCounter.Download download) {}
            });
        }
        verdicts.sort(java.util.Comparator.comparing(Verdict::occurredAt).thenComparing(Verdict::id));
        return verdicts.size() > limit ? List.copyOf(verdicts.subList(0, limit)) : List.copyOf(verdicts);
    }

    private record Context(
            MeasurementSettings.Settings settings, CountingLists.Current lists, Map<UUID, EpisodeFacts> episodes) {}

    private static @org.jspecify.annotations.Nullable String network(
            IpNetworks.@org.jspecify.annotations.Nullable StoredAddress address) {
        if (address == null) {
            return null;
        }
        long bits = address.network();
        if (!address.v6()) {
            return (bits >>> 24 & 0xff) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + ".0/24";
        }
        return String.format("%x:%x:%x::/48", bits >>> 48 & 0xffff, bits >>> 32 & 0xffff, bits >>> 16 & 0xffff);
    }
}
