package io.reach.attribution.results;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.Codes;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    private final AttributionAnalysis analysis;
    private final LiftAnalysis lift;
    private final Clock clock;

    AttributionPage(AttributionResults results, AttributionAnalysis analysis, LiftAnalysis lift, Clock clock) {
        this.results = results;
        this.analysis = analysis;
        this.lift = lift;
        this.clock = clock;
    }

    @PostMapping(PATH + "/analyses")
    @io.reach.platform.security.RequiresPermission(resource = "attribution", action = "write")
    String analyse(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookback,
            Model model,
            HttpServletResponse response) {
        try {
            analysis.start(new AttributionAnalysis.AnalysisInput(from, to, lookback));
            return page(from, to, lookback, null, null, model, response);
        } catch (ApiException refused) {
            String problem = FormProblem.answer(refused, response);
            String shown = page(from, to, lookback, null, null, model, response);
            model.addAttribute("error", problem);
            return shown;
        }
    }

    @PostMapping(PATH + "/campaign-settings")
    @io.reach.platform.security.RequiresPermission(resource = "attribution", action = "write")
    String saveSettings(
            @RequestParam(name = "campaign_id") UUID campaign,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookback,
            @RequestParam(name = "exclude_prior_customers", defaultValue = "false") boolean exclude,
            @RequestParam(name = "holdout_share", required = false) @Nullable BigDecimal holdout,
            Model model,
            HttpServletResponse response) {
        String problem = null;
        try {
            analysis.saveSettings(campaign, new CampaignRules.SettingsInput(lookback, exclude, holdout));
        } catch (ApiException refused) {
            problem = FormProblem.answer(refused, response);
        }
        String shown = page(null, null, null, null, campaign.toString(), model, response);
        if (problem != null) {
            model.addAttribute("error", problem);
        }
        return shown;
    }

    @GetMapping(PATH)
    @io.reach.platform.security.RequiresPermission(resource = "attribution", action = "read")
    String show(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookback,
            @RequestParam(required = false) @Nullable String point,
            @RequestParam(name = "campaign_id", required = false) @Nullable String campaign,
            Model model,
            HttpServletResponse response) {
        return page(from, to, lookback, point, campaign, model, response);
    }

    private String page(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Integer lookback,
            @Nullable String point,
            @Nullable String campaign,
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
            model.addAttribute("paths", results.paths(first, last, lookback, found.point(), 10));
            model.addAttribute("error", null);
        } catch (ApiException refused) {
            model.addAttribute("results", null);
            model.addAttribute("table", null);
            model.addAttribute("paths", List.of());
            model.addAttribute("error", FormProblem.answer(refused, response));
        }
        model.addAttribute("jobs", analysis.recentJobs());
        model.addAttribute("campaigns", analysis.campaigns());
        UUID chosen = campaign == null ? null : parse(campaign);
        model.addAttribute("campaign", chosen);
        model.addAttribute("analytics", List.of());
        model.addAttribute("settings", null);
        model.addAttribute("lift", null);
        try {
            model.addAttribute("analytics", analysis.analytics(first, last, null));
            if (chosen != null) {
                model.addAttribute("settings", analysis.settings(chosen));
                model.addAttribute("lift", lift.lift(chosen, first, last, lookback, null, null));
            }
        } catch (ApiException refused) {
            model.addAttribute("error", FormProblem.answer(refused, response));
        }
        return "attribution/dashboard";
    }

    private static @Nullable UUID parse(String campaign) {
        try {
            return UUID.fromString(campaign);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink attributionLink() {
            return new ConsoleLink("Podcasts", "Attribution", PATH, "attribution", "read", 430);
        }
    }
}
