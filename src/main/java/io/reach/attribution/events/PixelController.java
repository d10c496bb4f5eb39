package io.reach.attribution.events;

import io.reach.measurement.ClientAddresses;
import io.reach.measurement.PublicSiteKeys;
import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.web.BatchAnswer;
import io.reach.platform.web.JsonObjectLines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conversion pixel: {@code GET /px/{site key}.gif?action=purchase&value=49.90&currency=EUR&…},
 * for browsers (an image, or {@code reach.conversion({...})} of the tracking script). The public
 * site key names the workspace; the page's origin (the {@code Origin} header, else the
 * {@code Referer}'s) must be one the key allows; a client may record 60 a minute per key. The
 * address, user agent and referrer are the request's own (never taken from the query); the time is
 * now. The query's fields are those of {@code POST /api/v1/ingest/conversions}, checked the same way,
 * and any other parameter is kept as the event's metadata. A recorded conversion answers a 1×1
 * transparent GIF; a refused one a problem.
 */
@RestController
@Tag(name = "Attribution")
class PixelController {

    static final int PER_MINUTE = 60;
    static final int MAX_PARAMETERS = 40;
    private static final RateLimits.Limit RECORDED =
            new RateLimits.Limit("conversion-pixel", PER_MINUTE, Duration.ofMinutes(1));
    private static final Set<String> FROM_REQUEST = Set.of("ip", "user_agent", "referrer", "occurred_at");
    private static final byte[] GIF =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final PublicSiteKeys keys;
    private final EventIngestion ingestion;
    private final ClientAddresses clients;
    private final RateLimits limits;
    private final JsonMapper json;
    private final Clock clock;

    PixelController(
            PublicSiteKeys keys,
            EventIngestion ingestion,
            ClientAddresses clients,
            RateLimits limits,
            JsonMapper json,
            Clock clock) {
        this.keys = keys;
        this.ingestion = ingestion;
        this.clients = clients;
        this.limits = limits;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/px/{key}.gif")
    @Operation(summary = "Record a browser conversion with a public site key; answers a 1x1 GIF")
    ResponseEntity<?> pixel(
            @PathVariable String key, @RequestParam Map<String, String> query, HttpServletRequest http) {
        Optional<PublicSiteKeys.Grant> grant = key.length() > 200 ? Optional.empty() : keys.active(key);
        if (grant.isEmpty()) {
            return problem(
                    HttpStatus.UNAUTHORIZED, "The site key is unknown or revoked, or its workspace is suspended");
        }
        String origin = origin(http);
        if (origin == null || !grant.get().allowsOrigin().test(origin)) {
            return problem(HttpStatus.FORBIDDEN, "This site key accepts conversions only from the origins it lists");
        }
        if (query.size() > MAX_PARAMETERS || query.values().stream().anyMatch(v -> v.length() > 2048)) {
            return problem(HttpStatus.BAD_REQUEST, "At most " + MAX_PARAMETERS + " parameters of 2048 characters");
        }
        String client = clients.clientAddress(http);
        if (!limits.take(client + ":" + grant.get().keyId(), RECORDED).allowed()) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "At most " + PER_MINUTE + " conversions a minute");
        }
        BatchAnswer answer = ingestion.ingest(
                grant.get().tenant(), EventKind.CONVERSION, line(query, client, http), EventSource.PIXEL);
        if (answer.stored() == 0) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(Map.of(
                            "type",
                            "about:blank",
                            "title",
                            "Invalid conversion",
                            "status",
                            400,
                            "errors",
                            answer.rejected().isEmpty()
                                    ? java.util.List.of()
                                    : answer.rejected().getFirst().errors()));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_GIF)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(GIF);
    }

    private String line(Map<String, String> query, @Nullable String client, HttpServletRequest http) {
        ObjectNode event = json.createObjectNode();
        query.forEach((name, value) -> {
            if (FROM_REQUEST.contains(name)) {
                return;
            }
            if ("value".equals(name) && value.matches("\\d{1,12}(\\.\\d{1,2})?")) {
                event.put(name, new java.math.BigDecimal(value));
            } else {
                event.put(name, value);
            }
        });
        event.put("action", query.getOrDefault("action", "view"));
        event.put("occurred_at", clock.instant().toString());
        if (client != null) {
            event.put("ip", client);
        }
        String agent = JsonObjectLines.bounded(http.getHeader(HttpHeaders.USER_AGENT), 1024);
        String referrer = JsonObjectLines.bounded(http.getHeader(HttpHeaders.REFERER), 2048);
        if (agent != null) {
            event.put("user_agent", agent);
        }
        if (referrer != null) {
            event.put("referrer", referrer);
        }
        return json.writeValueAsString(event);
    }

    private static @Nullable String origin(HttpServletRequest http) {
        String origin = http.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !"null".equals(origin)) {
            return origin;
        }
        String referer = http.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return null;
        }
        try {
            URI page = new URI(referer);
            if (page.getScheme() == null || page.getHost() == null) {
                return null;
            }
            return page.getScheme() + "://" + page.getHost() + (page.getPort() < 0 ? "" : ":" + page.getPort());
        } catch (java.net.URISyntaxException malformed) {
            return null;
        }
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of(
                        "type",
                        "about:blank",
                        "title",
                        status.getReasonPhrase(),
                        "status",
                        status.value(),
                        "detail",
                        detail));
    }
}
