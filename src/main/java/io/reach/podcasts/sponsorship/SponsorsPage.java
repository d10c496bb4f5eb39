package io.reach.podcasts.sponsorship;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's sponsors and insertion orders: who buys, what they booked, their codes and vanity addresses. */
@Controller
@ConsolePage
@Hidden
class SponsorsPage {

    static final String PATH = "/app/sponsors";

    private final SponsorshipDesk desk;

    SponsorsPage(SponsorshipDesk desk) {
        this.desk = desk;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "sponsors", action = "read")
    String page(Model model) {
        return page(model, null, null);
    }

    @PostMapping(PATH)
    @RequiresPermission(resource = "sponsors", action = "write")
    String createSponsor(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "website_url", required = false) @Nullable String website,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(name = "target_countries", required = false) @Nullable String countries,
            @RequestParam(name = "excluded_categories", required = false) @Nullable List<String> excluded,
            @RequestParam(name = "max_cpm", required = false) @Nullable BigDecimal maxCpm,
            @RequestParam(required = false) @Nullable BigDecimal budget,
            Model model,
            HttpServletResponse response) {
        String countryList = blank(countries);
        return act(
                model,
                response,
                "The sponsor was added.",
                () -> desk.saveSponsor(
                        null,
                        new SponsorshipDesk.SponsorInput(
                                name,
                                blank(website),
                                null,
                                blank(industry),
                                blank(description),
                                List.of(),
                                countryList == null ? null : List.<@Nullable String>of(countryList.split("\\s*,\\s*")),
                                null,
                                excluded == null ? null : List.<@Nullable String>copyOf(excluded),
                                maxCpm,
                                budget)));
    }

    @PostMapping(PATH + "/bookings")
    @RequiresPermission(resource = "sponsors", action = "write")
    String createBooking(
            @RequestParam(name = "sponsor_id", required = false) @Nullable UUID sponsor,
            @RequestParam(name = "flight_start", required = false) @Nullable LocalDate start,
            @RequestParam(name = "flight_end", required = false) @Nullable LocalDate end,
            @RequestParam(defaultValue = "cpm") String pricing,
            @RequestParam(required = false) @Nullable BigDecimal price,
            @RequestParam(defaultValue = "USD") String currency,
            @RequestParam(name = "promo_code", required = false) @Nullable String promo,
            @RequestParam(name = "vanity_slug", required = false) @Nullable String slug,
            @RequestParam(name = "landing_url", required = false) @Nullable String landing,
            Model model,
            HttpServletResponse response) {
        return act(
                model,
                response,
                "The insertion order was booked.",
                () -> desk.saveBooking(
                        null,
                        new SponsorshipDesk.BookingInput(
                                sponsor,
                                null,
                                null,
                                start,
                                end,
                                List.of(),
                                List.of(),
                                null,
                                null,
                                pricing,
                                price,
                                currency,
                                blank(promo),
                                blank(slug),
                                blank(landing),
                                "booked")));
    }

    private String act(Model model, HttpServletResponse response, String done, Runnable action) {
        try {
            action.run();
            return page(model, done, null);
        } catch (ApiException refused) {
            return page(model, null, FormProblem.answer(refused, response));
        }
    }

    private String page(Model model, @Nullable String message, @Nullable String error) {
        model.addAttribute("sponsors", desk.sponsors());
        List<Bookings.Booking> bookings = desk.bookings(null);
        model.addAttribute("bookings", bookings);
        model.addAttribute("deliveries", desk.deliveries(bookings));
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "podcasts/sponsors";
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink sponsorsLink() {
            return new ConsoleLink("Podcasts", "Sponsors", PATH, "sponsors", "read", 420);
        }
    }
}
