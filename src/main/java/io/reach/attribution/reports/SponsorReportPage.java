package io.reach.attribution.reports;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page a sponsor opens from a shared link: no account, no cookies needed, the workspace's brand. */
@Controller
@Hidden
class SponsorReportPage {

    private final SponsorReportLinks links;
    private final SponsorReport report;

    SponsorReportPage(SponsorReportLinks links, SponsorReport report) {
        this.links = links;
        this.report = report;
    }

    @GetMapping(path = "/sponsor-reports/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String shared(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self' https:; base-uri 'none'; form-action 'none';"
                        + " frame-ancestors 'none'");
        return links.open(token)
                .map(opened -> {
                    model.addAttribute("report", report.of(opened.tenant(), opened.sponsor()));
                    return "attribution/sponsor_report";
                })
                .orElseGet(() -> {
                    response.setStatus(404);
                    model.addAttribute("title", "This report is not available");
                    return "podcasts/report_gone";
                });
    }
}
