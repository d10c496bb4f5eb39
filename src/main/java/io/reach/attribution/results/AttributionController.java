package io.reach.attribution.results;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.Codes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Attribution results over a period. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Attribution")
class AttributionController {

    private final AttributionResults results;

    AttributionController(AttributionResults results) {
        this.results = results;
    }

    @GetMapping("/api/v1/attribution/results")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(
            summary = "The conversions of from..to (UTC days, at most 366) credited to touch points (by: channel, "
                    + "campaign, podcast, episode, sponsor) by every enabled model, or those named in models (ids), "
                    + "side by side. A conversion takes its visitor's touches in the lookback window (lookback_days "
                    + "1-60, default 30; both ends included), else its household's; an order id counts once")
    AttributionResults.Results results(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookbackDays,
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable List<UUID> models) {
        return results.results(
                from,
                to,
                lookbackDays,
                by == null ? TouchPoint.CHANNEL : Codes.of(TouchPoint.class, by, "by"),
                models == null ? null : Set.copyOf(models));
    }
}
