package io.reach.attribution.results;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.Codes;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's attribution dashboard: a period's conversions, how many a touch reached, and every
 * enabled model's credit side by side, by channel, campaign, podcast, episode or sponsor.
 */
@Controller
@ConsolePage
@Hidden
class AttributionPage {

    static final String PATH = "/app/attribution";

    private final AttributionResults results;
    private final Clock clock;

    AttributionPage(AttributionResults results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    @GetMapping(PATH)
    @io.reach.platform.security.RequiresPermission(resource = "attribution", action = "read")
    String page(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookback,
            @RequestParam(required = false) @Nullable String point,
            Model model,
            HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = from == null ? today.minusDays(29) : from;
        LocalDate last = to == null ? today : to;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("lookback", lookback == null ? 30 : lookback);
        model.addAttribute("point", point == null ? TouchPoint.CHANNEL.code() : point);
        model.addAttribute("points", List.of(TouchPoint.values()));
        try {
            AttributionResults.Results found = results.results(
                    first,
                    last,
                    lookback,
                    point == null ? TouchPoint.CHANNEL : Codes.of(TouchPoint.class, point, "point"),
                    null);
            model.addAttribute("results", found);
            model.addAttribute("table", CreditTable.of(found));
            model.addAttribute("error", null);
        } catch (ApiException refused) {
            model.addAttribute("results", null);
            model.addAttribute("table", null);
            model.addAttribute("error", FormProblem.answer(refused, response));
        }
        return "attribution/dashboard";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink attributionLink() {
            return new ConsoleLink("Podcasts", "Attribution", PATH, "attribution", "read", 430);
        }
    }
}
