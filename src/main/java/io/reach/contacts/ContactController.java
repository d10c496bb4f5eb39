package io.reach.contacts;

import io.reach.identity.RequestOrigins;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.Codes;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts: add, find (by status, tag, list or a text in the address, number or name), change,
 * delete, merge duplicates, unsubscribe and resubscribe; each contact's consent records, lists and
 * activity timeline.
 */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class ContactController {

    private final ContactDirectory directory;
    private final PreferenceCentre preferences;
    private final ContactExport export;

    ContactController(ContactDirectory directory, PreferenceCentre preferences, ContactExport export) {
        this.directory = directory;
        this.preferences = preferences;
        this.export = export;
    }

    @GetMapping(path = "/export", produces = "text/csv")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(
            summary = "Every contact under the list's filters as CSV (standard columns, then one per declared field),"
                    + " newest first; it reads back as an import")
    void export(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(name = "list_id", required = false) @Nullable UUID listId,
            @RequestParam(name = "member_status", required = false) @Nullable String memberStatus,
            @RequestParam(required = false) @Nullable String search,
            HttpServletResponse response)
            throws IOException {
        ContactFilter filter = ContactFilters.of(status, tag, listId, memberStatus, search);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
        export.write(filter, response.getWriter());
    }

    record Link(String url) {}

    @GetMapping("/{id}/preferences-link")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(
            summary = "The address of the contact's hosted preference centre (lists to choose, unsubscribe from all)")
    Link preferencesLink(@PathVariable UUID id) {
        return new Link(preferences.link(id));
    }

    record ContactRequest(
            @Size(max = 254) @Nullable String email,
            @Size(max = 40) @Nullable String phone,
            @Size(max = 200) @Nullable String firstName,
            @Size(max = 200) @Nullable String lastName,
            @Size(max = 35) @Nullable String locale,
            @Size(max = 64) @Nullable String timeZone,
            @Size(max = 200) @Nullable Map<String, @Nullable Object> attributes,
            @Size(max = ContactDetails.MAX_TAGS) @Nullable List<String> tags) {

        ContactInput input() {
            return new ContactInput(email, phone, firstName, lastName, locale, timeZone, attributes, tags);
        }
    }

    record Merge(@NotNull UUID duplicateId) {}

    record ChannelRequest(@NotNull String channel) {

        ContactChannel typed() {
            return Codes.of(ContactChannel.class, channel, "channel");
        }
    }

    record ConsentRequest(
            @NotNull String channel,
            @Nullable UUID listId,
            @NotNull @Size(min = 1, max = 200) String purpose,
            @NotNull String action,
            @Nullable String method) {}

    @PostMapping
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Add a contact (e-mail address and/or E.164 number; each unique in the workspace)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new contact")
    @ApiResponse(responseCode = "409", description = "A contact has this address or number")
    ResponseEntity<Contact> create(@Valid @RequestBody ContactRequest request) {
        Contact contact = directory.add(request.input(), ContactSource.API);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id()))
                .body(contact);
    }

    @GetMapping
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(
            summary = "Contacts, newest first: of a status, with a tag, on a list (of a member status), or whose"
                    + " address, number or name contains search")
    CursorPage<Contact> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(name = "list_id", required = false) @Nullable UUID listId,
            @RequestParam(name = "member_status", required = false) @Nullable String memberStatus,
            @RequestParam(required = false) @Nullable String search,
            PageRequest page) {
        return directory.page(ContactFilters.of(status, tag, listId, memberStatus, search), page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "One contact")
    Contact get(@PathVariable UUID id) {
        return directory.find(id);
    }

    @PatchMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(
            summary = "Change a contact: fields left out stay, an empty text clears one; attributes are merged (null"
                    + " removes one); tags, when given, replace the tags")
    Contact change(@PathVariable UUID id, @Valid @RequestBody ContactRequest request) {
        return directory.change(id, request.input());
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Delete a contact with its memberships, consent records and activity")
    @ApiResponse(responseCode = "204", description = "Deleted; no content")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        directory.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/merge")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(
            summary = "Merge a duplicate into this contact: it keeps its own values, takes what it lacks, every list,"
                    + " consent record and activity; the stricter status wins; the duplicate is deleted")
    Contact merge(@PathVariable UUID id, @Valid @RequestBody Merge request) {
        return directory.merge(id, request.duplicateId());
    }

    @PostMapping("/{id}/unsubscribe")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Unsubscribe a contact from everything (leaves every list; a withdrawal is recorded)")
    Contact unsubscribe(@PathVariable UUID id, @Valid @RequestBody ChannelRequest request, HttpServletRequest http) {
        return directory.unsubscribe(id, request.typed(), ConsentMethod.API, RequestOrigins.of(http));
    }

    @PostMapping("/{id}/resubscribe")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Subscribe an unsubscribed contact again, on its word (a grant is recorded)")
    Contact resubscribe(@PathVariable UUID id, @Valid @RequestBody ChannelRequest request, HttpServletRequest http) {
        return directory.resubscribe(id, request.typed(), ConsentMethod.API, RequestOrigins.of(http));
    }

    @GetMapping("/{id}/consents")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "The contact's consent records, oldest first: what, when, how, from where")
    CursorPage<Consent> consents(@PathVariable UUID id) {
        return CursorPage.whole(directory.consents(id));
    }

    @PostMapping("/{id}/consents")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Record a consent given or withdrawn elsewhere (a paper form, a call); method defaults to api")
    @ApiResponse(responseCode = "201", description = "Recorded")
    ResponseEntity<Consent> recordConsent(
            @PathVariable UUID id, @Valid @RequestBody ConsentRequest request, HttpServletRequest http) {
        ConsentMethod method = request.method() == null
                ? ConsentMethod.API
                : Codes.of(ConsentMethod.class, request.method(), "method");
        Consent consent = directory.recordConsent(new Consents.Entry(
                id,
                Codes.of(ContactChannel.class, request.channel(), "channel"),
                request.listId(),
                request.purpose().strip(),
                Codes.of(ConsentAction.class, request.action(), "action"),
                method,
                RequestOrigins.of(http),
                io.reach.platform.tenant.TenantContext.currentUser().orElse(null)));
        return ResponseEntity.status(201).body(consent);
    }

    @GetMapping("/{id}/activities")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "The contact's timeline, newest first: sends, opens, clicks, subscriptions, unsubscribes…")
    CursorPage<Activity> activities(@PathVariable UUID id, PageRequest page) {
        return directory.timeline(id, page);
    }

    @GetMapping("/{id}/lists")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "The lists the contact is on, in any status")
    CursorPage<ListMember> lists(@PathVariable UUID id) {
        return CursorPage.whole(directory.memberships(id));
    }
}
