package io.reach.campaigns.sending;

import io.reach.campaigns.templates.TemplateContent;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The endpoints that move an e-mail or SMS campaign through sending; each channel's controller extends this. */
public abstract class SendingEndpoints<V> {

    private final Sending sending;
    private final TestSends tests;
    private final Channel channel;

    protected SendingEndpoints(Sending sending, TestSends tests, Channel channel) {
        this.sending = sending;
        this.tests = tests;
        this.channel = channel;
    }

    /** The campaign as the channel's API shows it. */
    protected abstract V get(UserPrincipal member, UUID id);

    /** Refuses (409) when the channel's provider is not configured. */
    protected abstract void requireCarrier();

    /** The campaign's content as checked template content, which recipients' variables are checked against. */
    protected abstract TemplateContent content(UUID id);

    @PostMapping(path = "/{id}/recipients", consumes = "text/csv")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(
            summary =
                    "Add recipients from CSV: a header with email (or phone), optional name, and a column per variable")
    public Sending.Added addRecipientsCsv(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, @RequestBody String csv) {
        return add(member, id, Recipients.csv(csv, channel));
    }

    protected Sending.Added add(UserPrincipal member, UUID id, java.util.List<Recipients.Given> given) {
        return sending.add(channel, id, member, given, this::content);
    }

    /** The list or segment a campaign is sent to; both null removes the choice. */
    public record AudienceRequest(
            @Nullable UUID listId, @Nullable UUID segmentId) {}

    @PostMapping("/{id}/audience")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(
            summary = "Send a draft to a list's confirmed members or a segment's contacts (subscribed ones, as they are"
                    + " when sending starts; suppressed addresses kept out), besides any uploaded recipients")
    @ApiResponse(responseCode = "200", description = "The campaign")
    @ApiResponse(responseCode = "409", description = "The campaign is not a draft")
    public V target(@SignedInMember UserPrincipal member, @PathVariable UUID id, @RequestBody AudienceRequest request) {
        if (request.listId() != null && request.segmentId() != null) {
            throw new InvalidRequestException(new FieldError("segment_id", "give a list_id or a segment_id, not both"));
        }
        sending.target(channel, id, member, request.listId(), request.segmentId());
        return get(member, id);
    }

    /** Where a test goes and whom it is rendered for: a contact, else an uploaded recipient (the first without either). */
    public record TestRequest(
            @Nullable List<String> to,
            @Nullable UUID contactId,
            @Nullable String recipient) {}

    @PostMapping("/{id}/test")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(
            summary = "Send a test: the message rendered for a contact (contact_id) or an uploaded recipient"
                    + " (recipient: its address; the first when neither is given), marked as a test, to 1 to 5"
                    + " addresses (to); nothing is recorded or tracked")
    @ApiResponse(responseCode = "200", description = "Sent")
    @ApiResponse(
            responseCode = "409",
            description = "No provider configured, the provider refused, or nobody to render for")
    public TestSends.Sent test(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, @RequestBody TestRequest request) {
        return tests.send(
                channel,
                id,
                member,
                new TestSends.For(request.contactId(), null, request.recipient()),
                request.to() == null ? List.of() : request.to());
    }

    @PostMapping("/{id}/send")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Start sending a draft in the background; progress shows on the campaign")
    @ApiResponse(responseCode = "202", description = "Accepted; sending goes on in the background")
    public ResponseEntity<V> send(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        sending.send(channel, id, member, this::requireCarrier, this::content);
        return ResponseEntity.accepted().body(get(member, id));
    }

    @PostMapping("/{id}/pause")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Pause sending; messages being sent finish, the rest wait")
    public V pause(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        sending.pause(channel, id, member);
        return get(member, id);
    }

    @PostMapping("/{id}/resume")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Resume a paused campaign")
    public V resume(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        requireCarrier();
        sending.resume(channel, id, member);
        return get(member, id);
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    @Operation(summary = "Cancel a draft or paused campaign; nothing more is sent")
    public V cancel(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        sending.cancel(channel, id, member);
        return get(member, id);
    }
}
