package io.reach.podcasts.metrics;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's download reports of a podcast and of an episode (the same report as the API), with
 * report links to share them read-only ({@link SharedReportPage} is what such a link opens).
 */
@Controller
@ConsolePage
@Hidden
class DownloadsPage {

    private final DownloadFigures figures;
    private final ReportLinks links;

    DownloadsPage(DownloadFigures figures, ReportLinks links) {
        this.figures = figures;
        this.links = links;
    }

    @GetMapping("/app/podcasts/{id}/downloads")
    @RequiresPermission(resource = "podcasts", action = "read")
    String podcast(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model) {
        return page(model, figures.podcast(id, from, to), null, null);
    }

    @GetMapping("/app/episodes/{id}/downloads")
    @RequiresPermission(resource = "podcasts", action = "read")
    String episode(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model) {
        return page(model, figures.episode(id, from, to), null, null);
    }

    @PostMapping("/app/podcasts/{id}/report-links")
    @RequiresPermission(resource = "podcasts", action = "write")
    String createLink(
            @PathVariable UUID id,
            @RequestParam(name = "episode_id", required = false) @Nullable UUID episode,
            @RequestParam(name = "expires_in_days", required = false) @Nullable Integer days,
            Model model,
            HttpServletResponse response) {
        DownloadFigures.Report report =
                episode == null ? figures.podcast(id, null, null) : figures.episode(episode, null, null);
        try {
            ReportLinks.Link link = links.create(id, episode, days);
            return page(model, report, link.path(), null);
        } catch (ApiException refused) {
            return page(model, report, null, FormProblem.answer(refused, response));
        }
    }

    @PostMapping("/app/report-links/{id}/revoke")
    @RequiresPermission(resource = "podcasts", action = "write")
    String revoke(@PathVariable UUID id, @RequestParam(name = "podcast_id") UUID podcast) {
        links.revoke(id);
        return "redirect:/app/podcasts/" + podcast + "/downloads";
    }

    private String page(Model model, DownloadFigures.Report report, @Nullable String created, @Nullable String error) {
        model.addAttribute("report", report);
        model.addAttribute("links", links.forPodcast(report.subject().podcastId()));
        model.addAttribute("createdLink", created);
        model.addAttribute("error", error);
        return "podcasts/downloads";
    }
}
