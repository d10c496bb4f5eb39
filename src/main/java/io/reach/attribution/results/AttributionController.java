package io.reach.attribution.results;

import io.reach.attribution.events.ValidationOutcome;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.Codes;
import io.reach.platform.web.CsvCells;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
        return results.results(from, to, lookbackDays, touchPoint(point), models == null ? null : ids(models));
    }

    private static TouchPoint touchPoint(@Nullable String point) {
        return point == null ? TouchPoint.CHANNEL : Codes.of(TouchPoint.class, point, "point");
    }

    @GetMapping(path = "/api/v1/attribution/results.csv", produces = "text/csv")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(
            operationId = "attributionResultsCsv",
            summary = "The same results as CSV: a row per model and touch point (model, model_type, point, "
                    + "conversions, value), cells safe to open in a spreadsheet")
    ResponseEntity<byte[]> resultsCsv(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookbackDays,
            @RequestParam(required = false) @Nullable String point,
            @RequestParam(required = false) @Nullable String models) {
        AttributionResults.Results found = results(from, to, lookbackDays, point, models);
        List<List<Object>> rows = new ArrayList<>();
        for (AttributionResults.ModelResult model : found.models()) {
            for (AttributionResults.PointCredit credit : model.credits()) {
                rows.add(List.of(
                        model.name(), model.modelType().code(), credit.point(), credit.conversions(), credit.value()));
            }
        }
        String csv =
                CsvCells.document(List.of("model", "model_type", found.point().code(), "conversions", "value"), rows);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"attribution-" + found.from() + "-" + found.to() + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/attribution/paths")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(
            summary = "The distinct paths of the period's journeys (touch points in order, by point as in the "
                    + "results): how many journeys took each, how many converted and their value; most converting "
                    + "first, at most 500")
    CursorPage<AttributionResults.PathCount> paths(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(name = "lookback_days", required = false) @Nullable Integer lookbackDays,
            @RequestParam(required = false) @Nullable String point) {
        return CursorPage.whole(results.paths(from, to, lookbackDays, touchPoint(point), 500));
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
