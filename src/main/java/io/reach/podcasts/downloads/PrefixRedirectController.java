package io.reach.podcasts.downloads;

import io.reach.measurement.ClientAddresses;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /e/{key}/{enclosure address}}: records the request and answers 302 to the address
 * ({@code https://} unless the path names {@code http://}), with the query string kept. Anything
 * that is not one of the key's podcast's audio addresses is a 404. Each client is recorded at most
 * {@value #RECORDED_PER_MINUTE} times a minute per podcast (the rest are still sent on: a listener
 * must get the audio; such rates are spikes anyway).
 */
@RestController
@Tag(name = "Podcast measurement")
class PrefixRedirectController {

    static final int RECORDED_PER_MINUTE = 120;
    private static final RateLimits.Limit RECORDED =
            new RateLimits.Limit("podcast-prefix", RECORDED_PER_MINUTE, Duration.ofMinutes(1));

    private final PrefixRedirect redirect;
    private final ClientAddresses clients;
    private final RateLimits limits;
    private final PublicUrl publicUrl;

    PrefixRedirectController(PrefixRedirect redirect, ClientAddresses clients, RateLimits limits, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.redirect = redirect;
        this.clients = clients;
        this.limits = limits;
    }

    @Hidden
    @RequestMapping(
            path = {"/e/{key}", "/e/{key}/**"},
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<String> follow(@PathVariable String key, HttpServletRequest http) {
        String prefix = "/e/" + key + "/";
        String uri = http.getRequestURI();
        if (!uri.startsWith(prefix) || key.length() > 200) {
            return notFound();
        }
        String rest = uri.substring(prefix.length());
        String target = rest.startsWith("http://") || rest.startsWith("https://")
                ? rest
                : rest.startsWith("http:/")
                        ? "http://" + rest.substring(6)
                        : rest.startsWith("https:/") ? "https://" + rest.substring(7) : "https://" + rest;
        String query = http.getQueryString();
        String client = clients.clientAddress(http);
        boolean record = limits.take(client + ":" + key, RECORDED).allowed();
        return redirect.follow(
                        key,
                        target + (query == null ? "" : "?" + query),
                        client,
                        http.getHeader(HttpHeaders.USER_AGENT),
                        http.getMethod(),
                        http.getHeader(HttpHeaders.RANGE),
                        http.getHeader(HttpHeaders.REFERER),
                        record)
                .<ResponseEntity<String>>map(location -> ResponseEntity.status(HttpStatus.FOUND)
                        .location(URI.create(location))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build())
                .orElseGet(PrefixRedirectController::notFound);
    }

    /** A short page: the key or the address is not one of a podcast's (nothing is said about which). */
    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(
                        "<!DOCTYPE html><html lang=\"en\"><title>Not found</title><p>This address is not an episode's.</p></html>");
    }

    record Prefix(String key, String prefix) {}

    @PostMapping("/api/v1/podcasts/{id}/prefix")
    @RequiresPermission(resource = "podcasts", action = "write")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "The podcast's measurement prefix (made on first call): put it before each enclosure address "
                    + "(without its https://) in the feed, and every download request passes through Reach, counted as "
                    + "prefix-measured")
    Map<String, String> prefix(@PathVariable UUID id) {
        String key = redirect.keyFor(id);
        return Map.of("key", key, "prefix", publicUrl.base() + "/e/" + key + "/");
    }
}
