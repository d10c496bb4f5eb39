package io.reach.attribution.results;

import io.reach.attribution.events.ValidationOutcome;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.Codes;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    private final Validations validations;

    AttributionController(AttributionResults results, Validations validations) {
        this.results = results;
        this.validations = validations;
    }

    @GetMapping("/api/v1/attribution/results")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(
            summary = "The conversions of from..to (UTC days, at most 366) credited to touch points (point: channel, "
                    + "campaign, podcast, episode, sponsor) by every enabled model, or those named in models (ids, comma-separated), "
                    + "side by side. A conversion takes its visitor's touches in the lookback window (lookback_days "
                    + "1-60, default 30; both ends included), else its household's; an order id counts once")
    AttributionResults.Results results(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookbackDays,
            @RequestParam(required = false) @Nullable String point,
            @RequestParam(required = false) @Nullable String models) {
        return results.results(
                from,
                to,
                lookbackDays,
                point == null ? TouchPoint.CHANNEL : Codes.of(TouchPoint.class, point, "point"),
                models == null ? null : ids(models));
    }

    @GetMapping("/api/v1/attribution/validations")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(
            summary =
                    "How the conversions of from..to were judged as they came in (newest first, at most 1,000): "
                            + "rejected (a repeated order id, a bot's user agent: never credited), suspect (a data-centre "
                            + "address, less than two seconds after a touch: credited, counted apart) or valid, with the reasons")
    CursorPage<Validations.Validation> validations(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String outcome) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidRequestException(new FieldError("from", "from and to are required, to on or after from"));
        }
        return CursorPage.whole(validations.between(
                from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                outcome == null ? null : Codes.of(ValidationOutcome.class, outcome, "outcome")));
    }

    /** Model ids, comma-separated. */
    private static Set<UUID> ids(String models) {
        Set<UUID> ids = new java.util.HashSet<>();
        for (String id : models.split(",", 51)) {
            try {
                ids.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(new FieldError("models", "is a comma-separated list of model ids"));
            }
        }
        if (ids.size() > 50) {
            throw new InvalidRequestException(new FieldError("models", "names at most 50 models"));
        }
        return ids;
    }
}
