package io.reach.podcasts.matching;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.podcasts.matching.Matches.Match;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sponsor matching: podcasts ranked for a sponsor, sponsors ranked for a podcast, each with its reasons. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Sponsorship")
class MatchController {

    private final Matchmaker matchmaker;

    MatchController(Matchmaker matchmaker) {
        this.matchmaker = matchmaker;
    }

    @PostMapping("/api/v1/sponsors/{id}/matches")
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(
            summary =
                    "Score every podcast for the sponsor (optionally for one campaign), store and return them best first")
    CursorPage<Match> match(
            @PathVariable UUID id, @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaign) {
        return CursorPage.whole(matchmaker.matchPodcasts(id, campaign));
    }

    @GetMapping("/api/v1/sponsors/{id}/matches")
    @RequiresPermission(resource = "sponsors", action = "read")
    @Operation(summary = "The sponsor's stored matches, best first")
    CursorPage<Match> matches(
            @PathVariable UUID id, @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaign) {
        return CursorPage.whole(matchmaker.storedForSponsor(id, campaign));
    }

    @PostMapping("/api/v1/podcasts/{id}/sponsor-matches")
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(summary = "Score every sponsor for the podcast, store and return them best first")
    CursorPage<Match> sponsorsFor(@PathVariable UUID id) {
        return CursorPage.whole(matchmaker.matchSponsors(id));
    }
}
