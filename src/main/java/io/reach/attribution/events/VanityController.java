package io.reach.attribution.events;

import io.reach.measurement.ClientAddresses;
import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.web.JsonObjectLines;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v/{workspace slug}/{vanity slug}}: a sponsor's vanity address. Records the click as a
 * touch (each client at most {@value #RECORDED_PER_MINUTE} times a minute per address; the rest are
 * still sent on) and answers 302 to the booking's landing page with UTM parameters. An unknown
 * workspace or slug is the same small 404 page, which says nothing about which.
 */
@RestController
class VanityController {

    static final int RECORDED_PER_MINUTE = 30;
    private static final RateLimits.Limit RECORDED =
            new RateLimits.Limit("vanity-click", RECORDED_PER_MINUTE, Duration.ofMinutes(1));

    private final VanityClicks clicks;
    private final ClientAddresses clients;
    private final RateLimits limits;

    VanityController(VanityClicks clicks, ClientAddresses clients, RateLimits limits) {
        this.clicks = clicks;
        this.clients = clients;
        this.limits = limits;
    }

    @Hidden
    @GetMapping("/v/{workspace}/{slug}")
    ResponseEntity<String> follow(@PathVariable String workspace, @PathVariable String slug, HttpServletRequest http) {
        if (workspace.length() > 63 || slug.length() > 63) {
            return notFound();
        }
        String client = clients.clientAddress(http);
        boolean record =
                limits.take(client + ":" + workspace + "/" + slug, RECORDED).allowed();
        return clicks.follow(
                        workspace,
                        slug,
                        client,
                        JsonObjectLines.bounded(http.getHeader(HttpHeaders.USER_AGENT), 1024),
                        JsonObjectLines.bounded(http.getHeader(HttpHeaders.REFERER), 2048),
                        record)
                .<ResponseEntity<String>>map(location -> ResponseEntity.status(HttpStatus.FOUND)
                        .location(URI.create(location))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("Referrer-Policy", "no-referrer")
                        .build())
                .orElseGet(VanityController::notFound);
    }

    static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(
                        "<!DOCTYPE html><html lang=\"en\"><title>Not found</title><p>This address leads nowhere.</p></html>");
    }
}
