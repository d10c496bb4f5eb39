package io.reach.attribution.events;

import io.reach.measurement.ClientAddresses;
import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.JsonObjectLines;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tracked links of posts: made through the API, followed by anyone (a click is a touch of the post's campaign). */
@RestController
@Tag(name = "Attribution")
class SocialLinkController {

    static final int RECORDED_PER_MINUTE = 30;
    private static final RateLimits.Limit RECORDED =
            new RateLimits.Limit("social-link-click", RECORDED_PER_MINUTE, Duration.ofMinutes(1));

    private final SocialLinks links;
    private final ClientAddresses clients;
    private final RateLimits limits;

    SocialLinkController(SocialLinks links, ClientAddresses clients, RateLimits limits) {
        this.links = links;
        this.clients = clients;
        this.limits = limits;
    }

    /** The address to track. */
    record LinkRequest(@Nullable String url) {}

    @PostMapping("/api/v1/posts/{id}/tracked-links")
    @SecurityRequirement(name = "bearer")
    @RequiresPermission(resource = "posts", action = "write")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Made")
    @Operation(
            summary = "A tracked address (/s/…) for a link in the post: put it in the post's text; each click leads"
                    + " to the url and is a touch of the campaign the post's published copies are linked to")
    ResponseEntity<SocialLinks.Made> make(@PathVariable UUID id, @RequestBody LinkRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(links.make(id, request.url()));
    }

    @Hidden
    @GetMapping("/s/{token}")
    ResponseEntity<String> follow(@PathVariable String token, HttpServletRequest http) {
        if (token.length() > 4096) {
            return VanityController.notFound();
        }
        String client = clients.clientAddress(http);
        boolean record = limits.take(client + ":social", RECORDED).allowed();
        return links.follow(
                        token, client, JsonObjectLines.bounded(http.getHeader(HttpHeaders.USER_AGENT), 1024), record)
                .<ResponseEntity<String>>map(url -> ResponseEntity.status(HttpStatus.FOUND)
                        .location(URI.create(url))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("Referrer-Policy", "no-referrer")
                        .build())
                .orElseGet(VanityController::notFound);
    }
}
