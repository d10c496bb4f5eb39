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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists (single or double opt-in, private or public) and their members. */
@RestController
@RequestMapping("/api/v1/lists")
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class ListController {

    private final ListManagement lists;

    ListController(ListManagement lists) {
        this.lists = lists;
    }

    record ListRequest(
            @NotNull @Size(min = 1, max = 200) String name,
            @Size(max = 2000) @Nullable String description,
            @NotNull String optIn,
            @Nullable String visibility) {

        Lists.Shape shape() {
            return Lists.Shape.of(name, description, optIn, visibility);
        }
    }

    record MemberRequest(@NotNull UUID contactId) {}

    @PostMapping
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Create a list: opt_in single|double, visibility private (default) or public (a hosted form)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new list")
    @ApiResponse(responseCode = "409", description = "A list has this name")
    ResponseEntity<ContactList> create(@Valid @RequestBody ListRequest request) {
        ContactList list = lists.create(request.shape());
        return ResponseEntity.created(URI.create("/api/v1/lists/" + list.id())).body(list);
    }

    @GetMapping
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "Lists, oldest first")
    CursorPage<ContactList> list(PageRequest page) {
        return lists.page(page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "One list, with how many members it has in each status and, if public, its form_url")
    ListManagement.ListView get(@PathVariable UUID id) {
        return lists.find(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Change a list's name, description, opt-in and visibility")
    ContactList change(@PathVariable UUID id, @Valid @RequestBody ListRequest request) {
        return lists.change(id, request.shape());
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Delete a list and its memberships (contacts and consent records stay)")
    @ApiResponse(responseCode = "204", description = "Deleted; no content")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        lists.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(
            summary =
                    "The list's members in contact order, of one status (unconfirmed, confirmed, unsubscribed) if given")
    CursorPage<ListMember> members(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable String status, PageRequest page) {
        MemberStatus wanted = status == null ? null : Codes.of(MemberStatus.class, status, "status");
        return lists.members(id, wanted, page);
    }

    @PostMapping("/{id}/members")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(
            summary = "Add a contact: confirmed at once on a single opt-in list; on a double opt-in list it is mailed"
                    + " a confirmation link and stays unconfirmed (never mailed by campaigns) until it follows it")
    @ApiResponse(responseCode = "200", description = "The membership as it now is")
    @ApiResponse(
            responseCode = "409",
            description = "The contact is unsubscribed, or has no address for a double opt-in")
    ListMember add(@PathVariable UUID id, @Valid @RequestBody MemberRequest request, HttpServletRequest http) {
        return lists.add(id, request.contactId(), ConsentMethod.API, RequestOrigins.of(http));
    }

    @PostMapping("/{id}/members/{contactId}/unsubscribe")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Unsubscribe a member from the list (kept as unsubscribed; a withdrawal is recorded)")
    ListMember unsubscribe(@PathVariable UUID id, @PathVariable UUID contactId, HttpServletRequest http) {
        return lists.unsubscribe(id, contactId, ConsentMethod.API, RequestOrigins.of(http));
    }

    @DeleteMapping("/{id}/members/{contactId}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Remove a membership made by mistake (consent records stay)")
    @ApiResponse(responseCode = "204", description = "Removed; no content")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID contactId) {
        lists.remove(id, contactId);
        return ResponseEntity.noContent().build();
    }
}
