package io.reach.campaigns;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.reach.identity.UserPrincipal;
import io.reach.platform.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The endpoints that move an e-mail or SMS campaign through sending; each channel's controller extends this. */
abstract class SendingEndpoints<V> {

    private final Sending sending;
    private final Channel channel;

    SendingEndpoints(Sending sending, Channel channel) {
        this.sending = sending;
        this.channel = channel;
    }

    /** The campaign as the channel's API shows it. */
    abstract V get(@Nullable UserPrincipal principal, UUID id);

    /** Refuses (409) when the channel's provider is not configured. */
    abstract void requireCarrier();

    /** The campaign's content as checked template content, which recipients' variables are checked against. */
    abstract TemplateContent content(UUID id);

    @PostMapping(path = "/{id}/recipients", consumes = "text/csv")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Add recipients from CSV: a header with email (or phone), optional name, and a column per variable")
    Sending.Added addRecipientsCsv(@AuthenticationPrincipal @Nullable UserPrincipal principal, @PathVariable UUID id,
            @RequestBody String csv) {
        return add(principal, id, Recipients.csv(csv, channel));
    }

    Sending.Added add(@Nullable UserPrincipal principal, UUID id, java.util.List<Recipients.Given> given) {
        return sending.add(channel, id, People.of(principal), given, this::content);
    }

    @PostMapping("/{id}/send")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Start sending a draft in the background; progress shows on the campaign")
    @ApiResponse(responseCode = "202", description = "Accepted; sending goes on in the background")
    ResponseEntity<V> send(@AuthenticationPrincipal @Nullable UserPrincipal principal, @PathVariable UUID id) {
        sending.send(channel, id, People.of(principal), this::requireCarrier);
        return ResponseEntity.accepted().body(get(principal, id));
    }

    @PostMapping("/{id}/pause")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Pause sending; messages being sent finish, the rest wait")
    V pause(@AuthenticationPrincipal @Nullable UserPrincipal principal, @PathVariable UUID id) {
        sending.pause(channel, id, People.of(principal));
        return get(principal, id);
    }

    @PostMapping("/{id}/resume")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Resume a paused campaign")
    V resume(@AuthenticationPrincipal @Nullable UserPrincipal principal, @PathVariable UUID id) {
        requireCarrier();
        sending.resume(channel, id, People.of(principal));
        return get(principal, id);
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Cancel a draft or paused campaign; nothing more is sent")
    V cancel(@AuthenticationPrincipal @Nullable UserPrincipal principal, @PathVariable UUID id) {
        sending.cancel(channel, id, People.of(principal));
        return get(principal, id);
    }
}
