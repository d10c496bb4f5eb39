package io.reach.attribution.reports;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A sponsor's shared report links in the console: make one (its address shown once), see and revoke them. */
@Controller
@ConsolePage
@Hidden
class SponsorReportLinksPage {

    private final SponsorReportLinks links;

    SponsorReportLinksPage(SponsorReportLinks links) {
        this.links = links;
    }

    @GetMapping("/app/sponsors/{id}/report")
    @RequiresPermission(resource = "sponsors", action = "read")
    String page(@PathVariable UUID id, Model model) {
        return page(model, id, null, null);
    }

    @PostMapping("/app/sponsors/{id}/report")
    @RequiresPermission(resource = "sponsors", action = "write")
    String create(
            @PathVariable UUID id,
            @RequestParam(name = "expires_in_days", required = false) @Nullable Integer days,
            Model model,
            HttpServletResponse response) {
        try {
            return page(model, id, links.create(id, days).path(), null);
        } catch (ApiException refused) {
            return page(model, id, null, FormProblem.answer(refused, response));
        }
    }

    @PostMapping("/app/sponsor-report-links/{link}/revoke")
    @RequiresPermission(resource = "sponsors", action = "write")
    String revoke(@PathVariable UUID link, @RequestParam(name = "sponsor_id") UUID sponsor) {
        links.revoke(link);
        return "redirect:/app/sponsors/" + sponsor + "/report";
    }

    private String page(Model model, UUID sponsor, @Nullable String made, @Nullable String error) {
        model.addAttribute("sponsorId", sponsor);
        model.addAttribute("links", links.forSponsor(sponsor));
        model.addAttribute("made", made);
        model.addAttribute("error", error);
        return "attribution/sponsor_links";
    }
}
