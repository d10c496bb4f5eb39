package io.reach.podcasts;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.ApiException;
import io.reach.podcasts.counting.DownloadCounting;
import io.reach.podcasts.counting.PodcastMeasurement;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An episode in the console: its audio facts and threshold (measured on request), the ads placed
 * in it, and every request of a chosen day with why it counted or not.
 */
@Controller
@ConsolePage
@Hidden
class EpisodePage {

    private final PodcastCatalog catalog;
    private final PodcastMeasurement measurement;
    private final DownloadCounting counting;

    EpisodePage(PodcastCatalog catalog, PodcastMeasurement measurement, DownloadCounting counting) {
        this.catalog = catalog;
        this.measurement = measurement;
        this.counting = counting;
    }

    @GetMapping("/app/episodes/{id}")
    @RequiresPermission(resource = "podcasts", action = "read")
    String episode(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate day, Model model) {
        return page(model, id, day, null, null);
    }

    @PostMapping("/app/episodes/{id}/measure")
    @RequiresPermission(resource = "podcasts", action = "write")
    String measure(@PathVariable UUID id, Model model, HttpServletResponse response) {
        try {
            catalog.measureAudio(id);
            return page(model, id, null, "The audio was measured.", null);
        } catch (ApiException refused) {
            return page(model, id, null, null, FormProblem.answer(refused, response));
        }
    }

    @PostMapping("/app/episodes/{id}/ad-units")
    @RequiresPermission(resource = "podcasts", action = "write")
    String placeAd(
            @PathVariable UUID id,
            @RequestParam(name = "unit_type", defaultValue = "") String unitType,
            @RequestParam(defaultValue = "baked_in") String insertion,
            @RequestParam(name = "position_seconds", required = false) @Nullable BigDecimal position,
            @RequestParam(name = "duration_seconds", required = false) @Nullable BigDecimal duration,
            @RequestParam(required = false) @Nullable String name,
            Model model,
            HttpServletResponse response) {
        try {
            measurement.placeAd(
                    id,
                    new PodcastMeasurement.AdUnitInput(
                            name == null || name.isBlank() ? null : name,
                            unitType,
                            insertion,
                            position,
                            duration,
                            null,
                            null));
            return page(model, id, null, "The ad was placed; recount its days to see it delivered.", null);
        } catch (ApiException refused) {
            return page(model, id, null, null, FormProblem.answer(refused, response));
        }
    }

    @PostMapping("/app/ad-units/{unit}/remove")
    @RequiresPermission(resource = "podcasts", action = "write")
    String removeAd(@PathVariable UUID unit, @RequestParam(name = "episode_id") UUID episode) {
        measurement.removeAd(unit);
        return "redirect:/app/episodes/" + episode;
    }

    private String page(
            Model model, UUID id, @Nullable LocalDate day, @Nullable String message, @Nullable String error) {
        PodcastCatalog.EpisodeView episode = catalog.episode(id);
        model.addAttribute("episode", episode);
        model.addAttribute("podcast", catalog.find(episode.episode().podcastId()));
        model.addAttribute("ads", measurement.adUnits(id));
        model.addAttribute("day", day);
        model.addAttribute(
                "requests",
                day == null
                        ? List.<DownloadCounting.Verdict>of()
                        : counting.explain(TenantContext.require(), id, day, 1_000));
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "podcasts/episode";
    }
}
