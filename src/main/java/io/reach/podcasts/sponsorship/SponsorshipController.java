package io.reach.podcasts.sponsorship;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.podcasts.sponsorship.Bookings.Booking;
import io.reach.podcasts.sponsorship.Sponsors.Sponsor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sponsors and their insertion orders. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Sponsorship")
class SponsorshipController {

    private static final String SPONSORS = "/api/v1/sponsors";
    private static final String BOOKINGS = "/api/v1/io-bookings";

    private final SponsorshipDesk desk;

    SponsorshipController(SponsorshipDesk desk) {
        this.desk = desk;
    }

    @GetMapping(SPONSORS)
    @RequiresPermission(resource = "sponsors", action = "read")
    @Operation(summary = "The workspace's sponsors")
    CursorPage<Sponsor> sponsors() {
        return CursorPage.whole(desk.sponsors());
    }

    @PostMapping(SPONSORS)
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(
            summary =
                    "A new sponsor: name, website_url, logo_url, industry, description, contacts [{name, email, role}]")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<Sponsor> createSponsor(@RequestBody SponsorshipDesk.SponsorInput input) {
        Sponsor created = desk.saveSponsor(null, input);
        return ResponseEntity.created(URI.create(SPONSORS + "/" + created.id())).body(created);
    }

    @GetMapping(SPONSORS + "/{id}")
    @RequiresPermission(resource = "sponsors", action = "read")
    @Operation(summary = "A sponsor")
    Sponsor sponsor(@PathVariable UUID id) {
        return desk.sponsor(id);
    }

    @PutMapping(SPONSORS + "/{id}")
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(summary = "Replace a sponsor's details")
    Sponsor replaceSponsor(@PathVariable UUID id, @RequestBody SponsorshipDesk.SponsorInput input) {
        return desk.saveSponsor(id, input);
    }

    @DeleteMapping(SPONSORS + "/{id}")
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(summary = "Delete a sponsor without insertion orders")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> deleteSponsor(@PathVariable UUID id) {
        desk.deleteSponsor(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(BOOKINGS)
    @RequiresPermission(resource = "sponsors", action = "read")
    @Operation(summary = "The workspace's insertion orders, or one sponsor's (sponsor_id)")
    CursorPage<Booking> bookings(@RequestParam(name = "sponsor_id", required = false) @Nullable UUID sponsor) {
        return CursorPage.whole(desk.bookings(sponsor));
    }

    @PostMapping(BOOKINGS)
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(
            summary = "A new insertion order: sponsor_id, campaign_id, booking_date, flight_start, flight_end, "
                    + "podcast_ids, episode_ids, goal_type (impressions, downloads) and goal, pricing (cpm, flat), price, "
                    + "currency, promo_code (unique in the workspace, matched case-insensitively), vanity_slug with "
                    + "landing_url (the address /v/{workspace slug}/{vanity_slug}), status (draft, booked, live, "
                    + "completed, cancelled)")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<Booking> createBooking(@RequestBody SponsorshipDesk.BookingInput input) {
        Booking created = desk.saveBooking(null, input);
        return ResponseEntity.created(URI.create(BOOKINGS + "/" + created.id())).body(created);
    }

    @GetMapping(BOOKINGS + "/{id}")
    @RequiresPermission(resource = "sponsors", action = "read")
    @Operation(summary = "An insertion order")
    Booking booking(@PathVariable UUID id) {
        return desk.booking(id);
    }

    @GetMapping(BOOKINGS + "/{id}/delivery")
    @RequiresPermission(resource = "sponsors", action = "read")
    @Operation(
            summary = "What an insertion order has delivered on the days of its flight (ads of its ad units "
                    + "delivered in counted downloads for an impressions goal; counted downloads of its episodes, or "
                    + "of its podcasts, for a downloads goal), the share of its goal, an even delivery's figure by "
                    + "today, pacing (1 is on pace) and the cost so far")
    BookingDelivery.Delivery delivery(@PathVariable UUID id) {
        return desk.delivery(id);
    }

    @PutMapping(BOOKINGS + "/{id}")
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(summary = "Replace an insertion order")
    Booking replaceBooking(@PathVariable UUID id, @RequestBody SponsorshipDesk.BookingInput input) {
        return desk.saveBooking(id, input);
    }

    @DeleteMapping(BOOKINGS + "/{id}")
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(summary = "Delete an insertion order")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> deleteBooking(@PathVariable UUID id) {
        desk.deleteBooking(id);
        return ResponseEntity.noContent().build();
    }
}
