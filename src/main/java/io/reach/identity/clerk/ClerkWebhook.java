package io.reach.identity.clerk;

import io.reach.identity.RequestOrigins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Receives Clerk's user events; {@link ClerkSync} verifies and applies them. */
@RestController
@Tag(name = "Identity-provider sync")
class ClerkWebhook {

    private final ClerkSync sync;

    ClerkWebhook(ClerkSync sync) {
        this.sync = sync;
    }

    @PostMapping(path = "/api/v1/webhooks/identity/clerk", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "receiveClerkEvent", summary = "Clerk user events (Svix-signed)")
    @ApiResponse(responseCode = "204", description = "Received; no content")
    @ApiResponse(responseCode = "401", description = "The Svix signature is missing, stale or does not verify")
    ResponseEntity<Void> receive(
            @RequestHeader(name = "svix-id", required = false) @Nullable String id,
            @RequestHeader(name = "svix-timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "svix-signature", required = false) @Nullable String signatures,
            @RequestBody String body,
            HttpServletRequest http) {
        sync.receive(id, timestamp, signatures, body, RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }
}
