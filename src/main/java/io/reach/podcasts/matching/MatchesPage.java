package io.reach.podcasts.matching;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.podcasts.matching.Matches.Match;
import io.reach.podcasts.sponsorship.SponsorshipDesk;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A sponsor's matches in the console: podcasts best first, each signal's share of the score and its evidence. */
@Controller
@ConsolePage
@Hidden
class MatchesPage {

    private final Matchmaker matchmaker;
    private final SponsorshipDesk sponsorship;

    MatchesPage(Matchmaker matchmaker, SponsorshipDesk sponsorship) {
        this.matchmaker = matchmaker;
        this.sponsorship = sponsorship;
    }

    @GetMapping("/app/sponsors/{id}/matches")
    @RequiresPermission(resource = "sponsors", action = "read")
    String matches(@PathVariable UUID id, Model model) {
        return page(model, id, matchmaker.storedForSponsor(id, null), null, null);
    }

    @PostMapping("/app/sponsors/{id}/matches")
    @RequiresPermission(resource = "sponsors", action = "write")
    String match(@PathVariable UUID id, Model model, HttpServletResponse response) {
        try {
            List<Match> found = matchmaker.matchPodcasts(id, null);
            return page(model, id, found, "Every podcast was scored for this sponsor.", null);
        } catch (ApiException refused) {
            return page(model, id, matchmaker.storedForSponsor(id, null), null, FormProblem.answer(refused, response));
        }
    }

    private String page(Model model, UUID id, List<Match> found, @Nullable String message, @Nullable String error) {
        model.addAttribute("sponsor", sponsorship.sponsor(id));
        model.addAttribute("matches", found);
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "podcasts/sponsor_matches";
    }
}
