package io.reach.podcasts.counting;

import io.reach.campaigns.CampaignDirectory;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.Codes;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * How the workspace measures downloads, as its API and console change it: the counting window and
 * spike rule, its IP lists, the spikes found, the ads placed in episodes. A change of what counting
 * uses applies to days counted from then on; {@link Recounts} counts past days again.
 */
@Service
public class PodcastMeasurement {

    static final int MAX_LIST_ENTRIES = 100_000;

    private final TenantTransactions transactions;
    private final MeasurementSettings settings;
    private final IpLists lists;
    private final Anomalies anomalies;
    private final AdUnits adUnits;
    private final CampaignDirectory campaigns;
    private final Ids ids;
    private final Clock clock;

    PodcastMeasurement(
            TenantTransactions transactions,
            MeasurementSettings settings,
            IpLists lists,
            Anomalies anomalies,
            AdUnits adUnits,
            CampaignDirectory campaigns,
            Ids ids,
            Clock clock) {
        this.transactions = transactions;
        this.settings = settings;
        this.lists = lists;
        this.anomalies = anomalies;
        this.adUnits = adUnits;
        this.campaigns = campaigns;
        this.ids = ids;
        this.clock = clock;
    }

    /** The settings as shown: the window is disclosed with every figure. */
    public record SettingsView(CountingWindow countingWindow, int spikeRequestsPerHour, int householdDays) {}

    public record SettingsInput(
            @Nullable String countingWindow,
            @Nullable Integer spikeRequestsPerHour,
            @Nullable Integer householdDays) {}

    public SettingsView settings() {
        MeasurementSettings.Settings current = transactions.inTransaction(settings::current);
        return new SettingsView(current.countingWindow(), current.spikeRequestsPerHour(), current.householdDays());
    }

    public SettingsView changeSettings(SettingsInput input) {
        List<FieldError> errors = new ArrayList<>();
        String windowCode = input.countingWindow();
        CountingWindow window =
                windowCode == null ? null : Codes.of(CountingWindow.class, windowCode, "counting_window");
        Integer spike = input.spikeRequestsPerHour();
        if (spike != null && (spike < 10 || spike > 1_000_000)) {
            errors.add(new FieldError("spike_requests_per_hour", "is between 10 and 1,000,000"));
        }
        Integer days = input.householdDays();
        if (days != null && (days < 1 || days > 730)) {
            errors.add(new FieldError("household_days", "is between 1 and 730"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The settings have invalid fields", errors);
        }
        CountingWindow chosen = window;
        return transactions.inTransaction(() -> {
            MeasurementSettings.Settings current = settings.current();
            settings.save(
                    new MeasurementSettings.Settings(
                            chosen == null ? current.countingWindow() : chosen,
                            spike == null ? current.spikeRequestsPerHour() : spike,
                            days == null ? current.householdDays() : days,
                            current.householdsClearedBefore()),
                    clock.instant());
            MeasurementSettings.Settings saved = settings.current();
            return new SettingsView(saved.countingWindow(), saved.spikeRequestsPerHour(), saved.householdDays());
        });
    }

    // IP lists

    public record IpListInput(
            @Nullable String name,
            @Nullable String description,
            @Nullable List<EntryInput> entries) {}

    public record EntryInput(
            @Nullable String network, @Nullable String note) {}

    /** A list with its entries. */
    public record IpListView(IpLists.IpList list, List<IpLists.Entry> entries) {}

    public List<IpLists.IpList> ipLists() {
        return transactions.inTransaction(lists::all);
    }

    public IpListView ipList(UUID id) {
        return transactions.inTransaction(() -> new IpListView(
                lists.find(id).orElseThrow(() -> new NotFoundException("IP list", id)), lists.entries(id)));
    }

    public IpListView createIpList(IpListInput input) {
        Checked checked = checked(input);
        UUID id = ids.next();
        return transactions.inTransaction(() -> {
            if (lists.nameTaken(checked.name(), null)) {
                throw new ConflictException("Name taken", "The workspace has an IP list named " + checked.name());
            }
            lists.create(id, checked.name(), checked.description(), checked.entries(), clock.instant());
            return new IpListView(lists.find(id).orElseThrow(), lists.entries(id));
        });
    }

    public IpListView replaceIpList(UUID id, IpListInput input) {
        Checked checked = checked(input);
        return transactions.inTransaction(() -> {
            if (lists.nameTaken(checked.name(), id)) {
                throw new ConflictException("Name taken", "The workspace has an IP list named " + checked.name());
            }
            if (!lists.replace(id, checked.name(), checked.description(), checked.entries(), clock.instant())) {
                throw new NotFoundException("IP list", id);
            }
            return new IpListView(lists.find(id).orElseThrow(), lists.entries(id));
        });
    }

    public void deleteIpList(UUID id) {
        if (!transactions.inTransaction(() -> lists.delete(id))) {
            throw new NotFoundException("IP list", id);
        }
    }

    private record Checked(String name, @Nullable String description, List<IpLists.Entry> entries) {}

    private static Checked checked(IpListInput input) {
        List<FieldError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        String description = input.description();
        if (description != null && description.length() > 2000) {
            errors.add(new FieldError("description", "is at most 2,000 characters"));
        }
        List<EntryInput> given = input.entries() == null ? List.of() : input.entries();
        if (given.size() > MAX_LIST_ENTRIES) {
            errors.add(new FieldError("entries", "holds at most " + MAX_LIST_ENTRIES + " networks"));
        }
        List<IpLists.Entry> entries = new ArrayList<>();
        for (int i = 0; i < given.size() && errors.size() < 20; i++) {
            EntryInput entry = given.get(i);
            String text = entry == null ? null : entry.network();
            IpNetworks.Network network = text == null ? null : IpNetworks.parse(text);
            if (entry == null || text == null || network == null || text.indexOf('#') >= 0) {
                errors.add(
                        new FieldError("entries[" + i + "].network", "is an IPv4 or IPv6 address or network (CIDR)"));
                continue;
            }
            String note = entry.note();
            if (note != null && note.length() > 500) {
                errors.add(new FieldError("entries[" + i + "].note", "is at most 500 characters"));
                continue;
            }
            entries.add(new IpLists.Entry(network.toString(), note));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The IP list has invalid fields", errors);
        }
        return new Checked(name, description, entries);
    }

    // Spikes

    public List<Anomalies.Anomaly> anomalies(@Nullable String status) {
        Anomalies.Status chosen = status == null ? null : Codes.of(Anomalies.Status.class, status, "status");
        return transactions.inTransaction(() -> anomalies.all(chosen));
    }

    /** Excludes the spike's household from its first hour on (recount earlier days to apply it there), or dismisses it. */
    public Anomalies.Anomaly decide(UUID id, boolean exclude) {
        return transactions.inTransaction(() -> {
            if (!anomalies.decide(
                    id, exclude ? Anomalies.Status.EXCLUDED : Anomalies.Status.DISMISSED, clock.instant())) {
                throw new NotFoundException("Anomaly", id);
            }
            return anomalies.find(id).orElseThrow();
        });
    }

    // Ads placed in episodes

    public record AdUnitInput(
            @Nullable String name,
            @Nullable String unitType,
            @Nullable String insertion,
            @Nullable BigDecimal positionSeconds,
            @Nullable BigDecimal durationSeconds,
            @Nullable UUID campaignId,
            @Nullable UUID ioBookingId) {}

    public boolean episodeExists(UUID episode) {
        return transactions.inTransaction(() -> adUnits.episodeExists(episode));
    }

    public List<AdUnits.AdUnit> adUnits(UUID episode) {
        return transactions.inTransaction(() -> {
            if (!adUnits.episodeExists(episode)) {
                throw new NotFoundException("Episode", episode);
            }
            return adUnits.forEpisode(episode);
        });
    }

    public AdUnits.AdUnit placeAd(UUID episode, AdUnitInput input) {
        return transactions.inTransaction(() -> {
            if (!adUnits.episodeExists(episode)) {
                throw new NotFoundException("Episode", episode);
            }
            Instant now = clock.instant();
            checkSold(input);
            AdUnits.AdUnit unit = adUnit(ids.next(), episode, input, now, now);
            adUnits.save(unit);
            return adUnits.find(unit.id()).orElseThrow();
        });
    }

    public AdUnits.AdUnit changeAd(UUID id, AdUnitInput input) {
        return transactions.inTransaction(() -> {
            AdUnits.AdUnit existing = adUnits.find(id).orElseThrow(() -> new NotFoundException("Ad unit", id));
            checkSold(input);
            adUnits.save(adUnit(id, existing.episodeId(), input, existing.createdAt(), clock.instant()));
            return adUnits.find(id).orElseThrow();
        });
    }

    public void removeAd(UUID id) {
        if (!transactions.inTransaction(() -> adUnits.delete(id))) {
            throw new NotFoundException("Ad unit", id);
        }
    }

    /** The campaign and insertion order an ad names are the workspace's own. */
    private void checkSold(AdUnitInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.campaignId() != null && !campaigns.exists(input.campaignId())) {
            errors.add(new FieldError("campaign_id", "names no campaign of this workspace"));
        }
        if (input.ioBookingId() != null && !adUnits.bookingExists(input.ioBookingId())) {
            errors.add(new FieldError("io_booking_id", "names no insertion order of this workspace"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The ad unit names what the workspace does not have", errors);
        }
    }

    private static final Map<String, String> UNIT_TYPES = Map.of("pre", "pre", "mid", "mid", "post", "post");

    private static AdUnits.AdUnit adUnit(UUID id, UUID episode, AdUnitInput input, Instant created, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String type = input.unitType() == null ? null : UNIT_TYPES.get(input.unitType());
        if (type == null) {
            errors.add(new FieldError("unit_type", "is pre, mid or post"));
        }
        String insertion = input.insertion() == null ? "baked_in" : input.insertion();
        if (!insertion.equals("baked_in") && !insertion.equals("dynamic")) {
            errors.add(new FieldError("insertion", "is baked_in or dynamic"));
        }
        BigDecimal position =
                input.positionSeconds() == null && "pre".equals(type) ? BigDecimal.ZERO : input.positionSeconds();
        if (position == null || position.signum() < 0 || position.compareTo(BigDecimal.valueOf(999_999)) > 0) {
            errors.add(new FieldError("position_seconds", "is the second the ad starts at, 0 or more"));
        }
        BigDecimal duration = input.durationSeconds();
        if (duration == null || duration.signum() <= 0 || duration.compareTo(BigDecimal.valueOf(86_400)) > 0) {
            errors.add(new FieldError("duration_seconds", "is the ad's length in seconds, more than 0"));
        }
        String name = input.name();
        if (name != null && name.length() > 200) {
            errors.add(new FieldError("name", "is at most 200 characters"));
        }
        if (!errors.isEmpty() || type == null || position == null || duration == null) {
            throw new InvalidRequestException("The ad unit has invalid fields", errors);
        }
        return new AdUnits.AdUnit(
                id,
                episode,
                input.campaignId(),
                input.ioBookingId(),
                name,
                type,
                insertion,
                position.setScale(Math.min(3, Math.max(0, position.scale())), java.math.RoundingMode.HALF_UP),
                duration.setScale(Math.min(3, Math.max(0, duration.scale())), java.math.RoundingMode.HALF_UP),
                created,
                now);
    }
}
