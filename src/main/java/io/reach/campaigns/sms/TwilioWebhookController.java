package io.reach.campaigns.sms;

import io.reach.platform.crypto.Hmacs;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's callbacks, verified by {@code X-Twilio-Signature} (base64 HMAC-SHA1, keyed with the
 * auth token, of the public URL called followed by every form parameter name and value in name
 * order): message status changes update the send; replies of STOP (and Twilio's other opt-out
 * words) suppress the number in the tenant, START lifts that, each MessageSid once.
 */
@RestController
@RequestMapping("/api/v1/webhooks/twilio/{tenant}")
@Tag(name = "SMS callbacks")
class TwilioWebhookController {

    private final SmsCallbacks callbacks;
    private final SmsAccount account;
    private final PublicUrl publicUrl;

    TwilioWebhookController(SmsCallbacks callbacks, SmsAccount account, PublicUrl publicUrl) {
        this.callbacks = callbacks;
        this.account = account;
        this.publicUrl = publicUrl;
    }

    @PostMapping(path = "/status/{send}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(
            operationId = "receiveSmsStatus",
            summary = "A message's status changed (queued, sent, delivered, undelivered, failed)")
    @ApiResponse(responseCode = "204", description = "Recorded; no content")
    ResponseEntity<Void> status(
            @PathVariable UUID tenant,
            @PathVariable UUID send,
            @org.springframework.web.bind.annotation.RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            @RequestHeader(value = "X-Twilio-Signature", required = false) @Nullable String signature) {
        verify(request, form, signature);
        String providerStatus = form.getFirst("MessageStatus") == null ? "" : form.getFirst("MessageStatus");
        boolean applied = callbacks.statusChanged(
                tenant, send, providerStatus, form.getFirst("ErrorCode"), form.getFirst("MessageSid"));
        if (!applied) {
            throw SmsSendNotFound.forId(send);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            path = "/inbound",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(
            operationId = "receiveInboundSms",
            summary = "An incoming SMS: STOP and other opt-out words suppress the number, START lifts it")
    String inbound(
            @PathVariable UUID tenant,
            @org.springframework.web.bind.annotation.RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            @RequestHeader(value = "X-Twilio-Signature", required = false) @Nullable String signature) {
        verify(request, form, signature);
        callbacks.replied(tenant, form.getFirst("From"), form.getFirst("Body"), form.getFirst("MessageSid"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    }

    private void verify(HttpServletRequest request, MultiValueMap<String, String> form, @Nullable String signature) {
        String token = account.current().map(SmsAccount.Credentials::authToken).orElse(null);
        if (token == null || token.isBlank()) {
            throw TwilioWebhookNotFound.forPath(request.getRequestURI());
        }
        StringBuilder signed = new StringBuilder(publicUrl.base()).append(request.getRequestURI());
        if (request.getQueryString() != null) {
            signed.append('?').append(request.getQueryString());
        }
        Map<String, java.util.List<String>> sorted = new TreeMap<>(form);
        sorted.forEach(
                (name, values) -> values.forEach(value -> signed.append(name).append(value)));
        String expected = Base64.getEncoder().encodeToString(Hmacs.sha1(token, signed.toString()));
        if (signature == null || !Hmacs.constantTimeEquals(expected, signature)) {
            throw new BadSignature();
        }
    }

    static final class BadSignature extends ApiException {
        BadSignature() {
            super(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "Bad signature",
                    "X-Twilio-Signature does not match this request");
        }
    }
}
