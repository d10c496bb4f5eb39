package io.reach.measurement.ingest;

import io.reach.measurement.ingest.TrackerFields.Field;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.FieldError;
import io.reach.tenancy.TenantManagement;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch of tracker events for a tenant: each event is checked on its own, enriched
 * (device, browser and operating system from the user agent, robots flagged, the place from the
 * IP address before the address is kept as the tenant's privacy setting says) and the good ones written together.
 */
@Service
class TrackerIngestion {

    private static final Logger log = LoggerFactory.getLogger(TrackerIngestion.class);
    private static final String REFUSED_BY_DATABASE = "holds a value the database refused to store";

    private final TrackerWriter writer;
    private final UserAgents userAgents;
    private final Geolocation geolocation;
    private final TenantManagement tenants;
    private final JsonMapper json;
    private final Ids ids;
    private final Duration lateWindow;
    private final Duration earlyWindow;
    private final Clock clock;
    private final EventQuota quota;
    private final IngestSites sites;

    TrackerIngestion(
            TrackerWriter writer,
            UserAgents userAgents,
            Geolocation geolocation,
            TenantManagement tenants,
            IngestSites sites,
            JsonMapper json,
            Ids ids,
            @Value("${reach.measurement.late-window:7d}") Duration lateWindow,
            @Value("${reach.measurement.early-window:10m}") Duration earlyWindow,
            Clock clock,
            EventQuota quota) {
        this.quota = quota;
        this.sites = sites;
        this.writer = writer;
        this.userAgents = userAgents;
        this.geolocation = geolocation;
        this.tenants = tenants;
        this.json = json;
        this.ids = ids;
        this.lateWindow = lateWindow;
        this.earlyWindow = earlyWindow;
        this.clock = clock;
    }

    record Rejected(int index, List<FieldError> errors) {}

    /**
     * {@code accepted} events passed their checks; {@code stored} of them were new (the others were stored before);
     * {@code excluded} passed them too but were not stored, as the site excludes their address or page path.
     */
    record Result(int accepted, int stored, int excluded, List<Rejected> rejected) {}

    /**
     * Takes a batch for one site of the tenant ({@code site} null: the API key names none, so the default site; an
     * unknown one is a 404). The site's excluded addresses are matched against the client's address as received,
     * before it is truncated or hashed.
     */
    Result ingest(TenantId tenant, @Nullable UUID site, byte[] body, Senders.Sender sender) {
        Instant now = clock.instant();
        Object ipHandling = tenants.settingsOf(tenant).get("ip_handling");
        IngestSites.Target into = sites.chosen(tenant, site);
        SiteExclusions exclusions = into.exclusions();
        List<TrackerEvent> accepted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        int excluded = 0;
        Map<String, Located> located = new HashMap<>(); // a batch mostly repeats a few addresses
        for (TrackerBatches.Item item : TrackerBatches.items(body, json)) {
            List<FieldError> problems =
                    item.event() == null ? item.errors() : item.event().problems(now, lateWindow, earlyWindow);
            if (problems.isEmpty()
                    && exclusions.excludes(
                            clientAddress(item.event(), sender), item.event().text(Field.PAGE_URL))) {
                excluded++;
            } else if (problems.isEmpty()) {
                accepted.add(event(tenant.value(), item.event(), now, sender, ipHandling, located));
                positions.add(item.index());
            } else {
                rejected.add(new Rejected(item.index(), problems));
            }
        }
        TrackerWriter.Written written = accepted.isEmpty()
                ? new TrackerWriter.Written(0, List.of())
                : quota.metered(
                        tenant,
                        accepted.size(),
                        () -> writer.write(tenant, into.id(), accepted, now),
                        TrackerWriter.Written::stored);
        for (int refused : written.refused()) {
            rejected.add(new Rejected(positions.get(refused), List.of(new FieldError("", REFUSED_BY_DATABASE))));
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejected::index));
        int kept = accepted.size() - written.refused().size();
        log.debug(
                "Tracker batch for tenant {}, site {}: {} accepted, {} new, {} excluded, {} rejected",
                tenant.value(),
                into.id(),
                kept,
                written.stored(),
                excluded,
                rejected.size());
        return new Result(kept, written.stored(), excluded, rejected);
    }

    /** The visitor's address as received: the event's (from servers) or the request's (browsers, or none given). */
    private static @Nullable String clientAddress(TrackerFields event, Senders.Sender sender) {
        String given = sender.browser() ? null : event.text(Field.IP_ADDRESS);
        return given == null ? sender.address() : given;
    }

    /** An address's place and the form of it the tenant keeps; both unknown for what is not an IP address. */
    private record Located(
            Geolocation.Place place, @Nullable String kept) {
        static final Located NOWHERE = new Located(Geolocation.Place.UNKNOWN, null);
    }

    private Located located(@Nullable String address, @Nullable Object ipHandling, UUID tenant) {
        InetAddress ip = address == null ? null : IpPrivacy.parsed(address.strip());
        return ip == null
                ? Located.NOWHERE
                : new Located(geolocation.locate(ip), IpPrivacy.kept(ip, ipHandling, tenant));
    }

    private TrackerEvent event(
            UUID tenant,
            TrackerFields event,
            Instant now,
            Senders.Sender sender,
            @Nullable Object ipHandling,
            Map<String, Located> batch) {
        UUID id = ids.next();
        String userAgent = or(event.text(Field.USER_AGENT), sender.userAgent());
        UserAgents.Parsed agent = userAgents.parse(userAgent);
        String ip = sender.browser() ? null : event.text(Field.IP_ADDRESS);
        String address = ip == null ? sender.address() : ip;
        Located where = address == null
                ? Located.NOWHERE
                : batch.computeIfAbsent(address, given -> located(given, ipHandling, tenant));
        Geolocation.Place place = where.place();
        if (!place.known() && ip == null) {
            place = sender.place();
        }
        Instant createdAt = event.createdAt();
        return new TrackerEvent(
                id,
                event.eventId(id),
                event.text(Field.SESSION_ID),
                event.text(Field.USER_ID),
                event.text(Field.EVENT_TYPE),
                event.text(Field.EVENT_CATEGORY),
                event.text(Field.EVENT_ACTION),
                event.text(Field.EVENT_LABEL),
                event.text(Field.PAGE_URL),
                event.text(Field.REFERRER_URL),
                userAgent,
                where.kept(),
                or(event.text(Field.DEVICE_TYPE), agent.deviceType()),
                or(event.text(Field.BROWSER_NAME), agent.browserName()),
                or(event.text(Field.OPERATING_SYSTEM), agent.operatingSystem()),
                event.text(Field.SCREEN_RESOLUTION),
                event.value(),
                event.customProperties(),
                agent.bot(),
                createdAt == null ? now : createdAt,
                agent.deviceBrand(),
                agent.deviceModel(),
                place);
    }

    private static @Nullable String or(@Nullable String given, @Nullable String derived) {
        return given != null ? given : derived;
    }
}
