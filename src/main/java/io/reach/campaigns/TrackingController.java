package io.reach.campaigns;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

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

import io.reach.measurement.EngagementEvents;
import io.reach.platform.security.OpenEndpoints;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The links in campaign e-mails (no sign-in; the signed token says which send): the open pixel,
 * click redirects and unsubscribing, by a page's button or a mail client's one-click POST
 * (RFC 8058). Opens and clicks are recorded on the send and as events for the rollups.
 */
@RestController
@RequestMapping("/api/v1/t")
@Tag(name = "E-mail tracking")
class TrackingController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrackingController.class);
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingTokens tokens;
    private final EmailSends sends;
    private final Suppressions suppressions;
    private final TemplateUsage usage;
    private final ChannelCampaigns channelCampaigns;
    private final EngagementEvents events;
    private final TenantTransactions transactions;
    private final CampaignProperties properties;
    private final Clock clock;

    TrackingController(TrackingTokens tokens, EmailSends sends, Suppressions suppressions, TemplateUsage usage,
            ChannelCampaigns channelCampaigns, EngagementEvents events, TenantTransactions transactions,
            CampaignProperties properties, Clock clock) {
        this.tokens = tokens;
        this.sends = sends;
        this.suppressions = suppressions;
        this.usage = usage;
        this.channelCampaigns = channelCampaigns;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/o/{token}")
    @Operation(operationId = "trackEmailOpen", summary = "Open pixel: records an open (human or machine) and answers a 1×1 GIF")
    ResponseEntity<byte[]> open(@PathVariable String token,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) @Nullable String agent) {
        engage(token(token, TrackingTokens.Kind.OPEN), "email_open", agent);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_GIF).body(PIXEL);
    }

    @GetMapping("/c/{token}")
    @Operation(operationId = "trackEmailClick", summary = "Click: records it (human or machine) and redirects to the link's destination")
    @ApiResponse(responseCode = "302", description = "Redirects to the link (Location)")
    ResponseEntity<Void> click(@PathVariable String token,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) @Nullable String agent) {
        TrackingTokens.Token link = token(token, TrackingTokens.Kind.CLICK);
        engage(link, "email_click", agent);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(link.url())).cacheControl(CacheControl.noStore())
                .build();
    }

    @GetMapping(path = "/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(operationId = "showUnsubscribePage", summary = "Unsubscribe page: asks for confirmation (link scanners must not unsubscribe anyone)")
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        TrackingTokens.Token t = token(token, TrackingTokens.Kind.UNSUBSCRIBE);
        String address = transactions.inTransactionAs(t.tenant(), () -> sends.find(t.send())
                .map(EmailSends.EmailSend::recipientEmail).orElseThrow(() -> new NotFoundException("link", token)));
        return html("Unsubscribe", "<p>Stop e-mails to <b>" + HtmlUtils.htmlEscape(address) + "</b>?</p>"
                + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    @PostMapping(path = "/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe (the page's button or RFC 8058 one-click): the address is suppressed in this tenant")
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        TrackingTokens.Token t = token(token, TrackingTokens.Kind.UNSUBSCRIBE);
        Instant now = clock.instant();
        transactions.inTransactionAs(t.tenant(), () -> {
            EmailSends.EmailSend send = sends.find(t.send()).orElseThrow(() -> new NotFoundException("link", token));
            suppressions.add(Channel.EMAIL, send.recipientEmail().toLowerCase(), SuppressionReason.UNSUBSCRIBED, send.id(), now);
            sends.unsubscribed(send.id(), now);
        });
        return html("Unsubscribed", "<p>You will get no more of these e-mails.</p>");
    }

    private TrackingTokens.Token token(String token, TrackingTokens.Kind kind) {
        return tokens.open(token, kind).orElseThrow(() -> new NotFoundException("link", "(invalid token)"));
    }

    private void engage(TrackingTokens.Token token, String type, @Nullable String agent) {
        Instant now = clock.instant();
        Optional<Engaged> recorded = transactions.inTransactionAs(token.tenant(), () -> sends.find(token.send())
                .map(send -> {
                    boolean machine = MachineOpens.machine(agent, send.sentAt(), send.deliveredAt(), now,
                            properties.email().machineWindow());
                    if (token.kind() == TrackingTokens.Kind.OPEN) {
                        sends.opened(send.id(), machine, now);
                    } else {
                        sends.clicked(send.id(), machine, now);
                        if (!machine && send.clickedAt() == null) {
                            converted(send);
                        }
                    }
                    return new Engaged(send, machine);
                }));
        Engaged engaged = recorded.orElseThrow(() -> new NotFoundException("link", "(unknown send)"));
        try {
            record(token, type, agent, now, engaged);
        } catch (RuntimeException e) {
            // the send row has the open or click; the event only feeds the rollups, so the reader still gets the page
            log.warn("{} of send {} not recorded as an event: {}", type, engaged.send().id(), e.getMessage());
        }
    }

    private void record(TrackingTokens.Token token, String type, @Nullable String agent, Instant now, Engaged engaged) {
        events.record(token.tenant(), new EngagementEvents.Engagement(type,
                "/email-campaigns/" + engaged.send().emailCampaignId(), engaged.send().id().toString(), token.url(), agent,
                engaged.machine(), now));
    }

    private record Engaged(EmailSends.EmailSend send, boolean machine) {
    }

    private void converted(EmailSends.EmailSend send) {
        ChannelCampaigns.Header header = channelCampaigns.header(Channel.EMAIL, send.emailCampaignId());
        if (header.templateId() != null) {
            usage.converted(header.templateId(), send.recipientEmail().toLowerCase(), clock.instant());
        }
    }

    private static ResponseEntity<String> html(String title, String body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
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
