package io.reach.podcasts.sponsorship;

import io.reach.campaigns.CampaignDirectory;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.Codes;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import io.reach.podcasts.Texts;
import io.reach.podcasts.sponsorship.Bookings.Booking;
import io.reach.podcasts.sponsorship.Sponsors.Contact;
import io.reach.podcasts.sponsorship.Sponsors.Sponsor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Sponsors and insertion orders as the API changes them: checked, unique where they must be, the workspace's own. */
@Service
public class SponsorshipDesk {

    private final TenantTransactions transactions;
    private final Sponsors sponsors;
    private final Bookings bookings;
    private final BookingDelivery delivery;
    private final CampaignDirectory campaigns;
    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    SponsorshipDesk(
            TenantTransactions transactions,
            Sponsors sponsors,
            Bookings bookings,
            BookingDelivery delivery,
            CampaignDirectory campaigns,
            JdbcClient jdbc,
            Ids ids,
            Clock clock) {
        this.transactions = transactions;
        this.sponsors = sponsors;
        this.bookings = bookings;
        this.delivery = delivery;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    public record SponsorInput(
            @Nullable String name,
            @Nullable String websiteUrl,
            @Nullable String logoUrl,
            @Nullable String industry,
            @Nullable String description,
            @Nullable List<@Nullable Contact> contacts,
            @Nullable List<@Nullable String> targetCountries,
            @Nullable List<@Nullable String> targetDevices,
            @Nullable List<@Nullable String> excludedCategories,
            @Nullable BigDecimal maxCpm,
            @Nullable BigDecimal budget) {}

    public record BookingInput(
            @Nullable UUID sponsorId,
            @Nullable UUID campaignId,
            @Nullable LocalDate bookingDate,
            @Nullable LocalDate flightStart,
            @Nullable LocalDate flightEnd,
            @Nullable List<@Nullable UUID> podcastIds,
            @Nullable List<@Nullable UUID> episodeIds,
            @Nullable String goalType,
            @Nullable Long goal,
            @Nullable String pricing,
            @Nullable BigDecimal price,
            @Nullable String currency,
            @Nullable String promoCode,
            @Nullable String vanitySlug,
            @Nullable String landingUrl,
            @Nullable String status) {}

    public List<Sponsor> sponsors() {
        return transactions.inTransaction(sponsors::all);
    }

    public Sponsor sponsor(UUID id) {
        return transactions.inTransaction(
                () -> sponsors.find(id).orElseThrow(() -> new NotFoundException("Sponsor", id)));
    }

    public Sponsor saveSponsor(@Nullable UUID existing, SponsorInput input) {
        List<FieldError> errors = new ArrayList<>();
        String name = Texts.required(input.name(), "name", 200, errors);
        String website = Texts.web(input.websiteUrl(), "website_url", errors);
        String logo = Texts.web(input.logoUrl(), "logo_url", errors);
        String industry = Texts.optional(input.industry(), "industry", 100, errors);
        String description = Texts.optional(input.description(), "description", 10_000, errors);
        List<@Nullable Contact> contacts = input.contacts() == null ? List.of() : input.contacts();
        if (contacts.size() > 20) {
            errors.add(new FieldError("contacts", "holds at most 20 people"));
        }
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            if (contact == null) {
                errors.add(new FieldError("contacts[" + i + "]", "is a person: {name, email, role}"));
                continue;
            }
            Texts.required(contact.name(), "contacts[" + i + "].name", 200, errors);
            Texts.optional(contact.email(), "contacts[" + i + "].email", 254, errors);
            Texts.optional(contact.role(), "contacts[" + i + "].role", 100, errors);
        }
        SponsorTargeting targeting = SponsorTargeting.checked(input, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The sponsor is not valid", errors);
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Instant created = existing == null
                    ? now
                    : sponsors.find(existing)
                            .orElseThrow(() -> new NotFoundException("Sponsor", existing))
                            .createdAt();
            if (sponsors.nameTaken(name, existing)) {
                throw new ConflictException("Name taken", "The workspace has a sponsor named " + name);
            }
            UUID id = existing == null ? ids.next() : existing;
            List<Contact> people =
                    contacts.stream().map(java.util.Objects::requireNonNull).toList();
            sponsors.save(new Sponsor(
                    id,
                    name,
                    website,
                    logo,
                    industry,
                    description,
                    people,
                    targeting.countries(),
                    targeting.devices(),
                    targeting.excluded(),
                    targeting.maxCpm(),
                    targeting.budget(),
                    created,
                    now));
            return sponsors.find(id).orElseThrow();
        });
    }

    public void deleteSponsor(UUID id) {
        transactions.inTransaction(() -> {
            if (sponsors.hasBookings(id)) {
                throw new ConflictException(
                        "Sponsor has bookings", "Delete or move the sponsor's insertion orders first");
            }
            if (!sponsors.delete(id)) {
                throw new NotFoundException("Sponsor", id);
            }
            return null;
        });
    }

    public List<Booking> bookings(@Nullable UUID sponsor) {
        return transactions.inTransaction(() -> bookings.all(sponsor));
    }

    /** What an insertion order has delivered against its goal, and its pacing. */
    public BookingDelivery.Delivery delivery(UUID id) {
        return transactions.inTransaction(() -> delivery.of(
                bookings.find(id).orElseThrow(() -> new NotFoundException("Insertion order", id)), today()));
    }

    /** Every insertion order's delivery, by id (for the console's list). */
    public java.util.Map<UUID, BookingDelivery.Delivery> deliveries(List<Booking> listed) {
        return transactions.inTransaction(() -> {
            java.util.Map<UUID, BookingDelivery.Delivery> all = new java.util.HashMap<>();
            listed.forEach(booking -> all.put(booking.id(), delivery.of(booking, today())));
            return all;
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    }

    public Booking booking(UUID id) {
        return transactions.inTransaction(
                () -> bookings.find(id).orElseThrow(() -> new NotFoundException("Insertion order", id)));
    }

    public Booking saveBooking(@Nullable UUID existing, BookingInput input) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = required(input.flightStart(), "flight_start", errors);
        LocalDate end = required(input.flightEnd(), "flight_end", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("flight_end", "is on or after flight_start"));
        }
        GoalType goalType =
                input.goalType() == null ? GoalType.DOWNLOADS : Codes.of(GoalType.class, input.goalType(), "goal_type");
        Pricing pricing = input.pricing() == null ? Pricing.CPM : Codes.of(Pricing.class, input.pricing(), "pricing");
        BookingStatus status =
                input.status() == null ? BookingStatus.DRAFT : Codes.of(BookingStatus.class, input.status(), "status");
        if (input.goal() != null && input.goal() <= 0) {
            errors.add(new FieldError("goal", "is a whole number above 0"));
        }
        BigDecimal price = required(input.price(), "price", errors);
        if (price != null
                && (price.signum() < 0
                        || price.scale() > 2
                        || price.compareTo(new BigDecimal("999999999999.99")) > 0)) {
            errors.add(new FieldError("price", "is an amount from 0 with at most two decimals"));
        }
        String currency = input.currency() == null ? null : input.currency().toUpperCase(Locale.ROOT);
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            errors.add(new FieldError("currency", "is required: an ISO 4217 code such as USD"));
        }
        String promo = Texts.optional(input.promoCode(), "promo_code", 100, errors);
        String slug =
                input.vanitySlug() == null ? null : input.vanitySlug().strip().toLowerCase(Locale.ROOT);
        if (slug != null && !slug.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            errors.add(new FieldError("vanity_slug", "is 1 to 63 lower-case letters, digits and inner hyphens"));
        }
        String landing = Texts.web(input.landingUrl(), "landing_url", errors);
        if ((slug == null) != (landing == null)) {
            errors.add(new FieldError("landing_url", "and vanity_slug come together: the address and where it leads"));
        }
        List<UUID> podcasts = ids(input.podcastIds(), "podcast_ids", errors);
        List<UUID> episodes = ids(input.episodeIds(), "episode_ids", errors);
        if (podcasts.size() > 500 || episodes.size() > 5000) {
            errors.add(new FieldError("podcast_ids", "at most 500 podcasts and 5,000 episodes"));
        }
        UUID sponsorId = required(input.sponsorId(), "sponsor_id", errors);
        if (!errors.isEmpty()
                || start == null
                || end == null
                || price == null
                || currency == null
                || sponsorId == null) {
            throw new InvalidRequestException("The insertion order is not valid", errors);
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Instant created = existing == null
                    ? now
                    : bookings.find(existing)
                            .orElseThrow(() -> new NotFoundException("Insertion order", existing))
                            .createdAt();
            List<FieldError> unknown = new ArrayList<>();
            if (sponsors.find(sponsorId).isEmpty()) {
                unknown.add(new FieldError("sponsor_id", "names no sponsor of this workspace"));
            }
            if (input.campaignId() != null && !campaigns.exists(input.campaignId())) {
                unknown.add(new FieldError("campaign_id", "names no campaign of this workspace"));
            }
            if (count("podcasts.podcasts", podcasts)
                    != podcasts.stream().distinct().count()) {
                unknown.add(new FieldError("podcast_ids", "names a podcast this workspace does not have"));
            }
            if (count("podcasts.episodes", episodes)
                    != episodes.stream().distinct().count()) {
                unknown.add(new FieldError("episode_ids", "names an episode this workspace does not have"));
            }
            if (!unknown.isEmpty()) {
                throw new InvalidRequestException(
                        "The insertion order names what the workspace does not have", unknown);
            }
            List<String> taken = bookings.taken(promo, slug, existing);
            if (!taken.isEmpty()) {
                throw new ConflictException(
                        "Already in use", "Another insertion order of the workspace has this " + taken.getFirst());
            }
            UUID id = existing == null ? ids.next() : existing;
            bookings.save(new Booking(
                    id,
                    sponsorId,
                    input.campaignId(),
                    input.bookingDate() == null ? start : input.bookingDate(),
                    start,
                    end,
                    podcasts,
                    episodes,
                    goalType,
                    input.goal(),
                    pricing,
                    price,
                    currency,
                    promo,
                    slug,
                    landing,
                    status,
                    created,
                    now));
            return bookings.find(id).orElseThrow();
        });
    }

    public void deleteBooking(UUID id) {
        transactions.inTransaction(() -> {
            if (!bookings.delete(id)) {
                throw new NotFoundException("Insertion order", id);
            }
            return null;
        });
    }

    private long count(String table, List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from " + table + " where id = any(cast(:ids as uuid[]))")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    /** A list of ids as sent, refusing empty places in it. */
    private static List<UUID> ids(@Nullable List<@Nullable UUID> sent, String field, List<FieldError> errors) {
        if (sent == null) {
            return List.of();
        }
        if (sent.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError(field, "is a list of ids, without nulls"));
            return List.of();
        }
        return sent.stream().map(java.util.Objects::requireNonNull).toList();
    }

    private static <T> @Nullable T required(@Nullable T value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return value;
    }
}
