package io.reach.podcasts.metrics;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a report link opens, without signing in: the podcast's (or episode's) download report,
 * read-only, as the workspace that shared it; a wrong, expired or revoked link is a 404 page.
 */
@Controller
@Hidden
class SharedReportPage {

    private final DownloadFigures figures;
    private final ReportLinks links;

    SharedReportPage(DownloadFigures figures, ReportLinks links) {
        this.figures = figures;
        this.links = links;
    }

    @GetMapping(path = "/reports/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String shared(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        return links.open(token)
                .map(opened -> {
                    model.addAttribute(
                            "report", figures.shared(opened.tenant(), opened.podcast(), opened.episode(), from, to));
                    return "podcasts/shared_report";
                })
                .orElseGet(() -> {
                    response.setStatus(404);
                    model.addAttribute("title", "This report is not available");
                    return "podcasts/report_gone";
                });
    }
}
