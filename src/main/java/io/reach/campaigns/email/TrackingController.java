package io.reach.campaigns.email;

import io.reach.measurement.ClientAddresses;
import io.reach.platform.security.OpenEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The links in campaign e-mails (no sign-in; the signed token says which send): the open pixel,
 * click redirects and unsubscribing, by a page's button or a mail client's one-click POST
 * (RFC 8058). Opens and clicks are recorded on the send and as events for the rollups.
 */
@RestController
@RequestMapping("/api/v1/t")
@Tag(name = "E-mail tracking")
class TrackingController {

    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final EmailTracking tracking;
    private final ClientAddresses clients;

    TrackingController(EmailTracking tracking, ClientAddresses clients) {
        this.tracking = tracking;
        this.clients = clients;
    }

    @GetMapping("/o/{token}")
    @Operation(
            operationId = "trackEmailOpen",
            summary = "Open pixel: records an open (human or machine) and answers a 1×1 GIF")
    ResponseEntity<byte[]> open(
            @PathVariable String token,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) @Nullable String agent) {
        tracking.engage(tracking.token(token, TrackingTokens.Kind.OPEN), "email_open", agent, null);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_GIF)
                .body(PIXEL);
    }

    @GetMapping("/c/{token}")
    @Operation(
            operationId = "trackEmailClick",
            summary = "Click: records it (human or machine) and redirects to the link's destination")
    @ApiResponse(responseCode = "302", description = "Redirects to the link (Location)")
    ResponseEntity<Void> click(
            @PathVariable String token,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) @Nullable String agent,
            jakarta.servlet.http.HttpServletRequest http) {
        TrackingTokens.Token link = tracking.token(token, TrackingTokens.Kind.CLICK);
        tracking.engage(link, "email_click", agent, clients.clientAddress(http));
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(link.url()))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    @GetMapping(path = "/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            operationId = "showUnsubscribePage",
            summary = "Unsubscribe page: asks for confirmation (link scanners must not unsubscribe anyone)")
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        String address = tracking.recipient(tracking.token(token, TrackingTokens.Kind.UNSUBSCRIBE), token);
        return html(
                "Unsubscribe",
                "<p>Stop e-mails to <b>" + HtmlUtils.htmlEscape(address) + "</b>?</p>"
                        + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    @PostMapping(path = "/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            operationId = "unsubscribe",
            summary = "Unsubscribe (the page's button or RFC 8058 one-click): the address is suppressed in this tenant")
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        tracking.unsubscribe(tracking.token(token, TrackingTokens.Kind.UNSUBSCRIBE), token);
        return html("Unsubscribed", "<p>You will get no more of these e-mails.</p>");
    }

    private static ResponseEntity<String> html(String title, String body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                        + body + "</body></html>");
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Open {

        @Bean
        OpenEndpoints campaignTrackingEndpoints() {
            return () -> List.of("/api/v1/t/**", "/api/v1/webhooks/email", "/api/v1/webhooks/twilio/**");
        }
    }
}
