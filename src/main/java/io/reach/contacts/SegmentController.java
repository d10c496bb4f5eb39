package io.reach.contacts;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RestController;

/** Segments: saved filters over contacts (attributes, tags, lists, behaviour), counted live. */
@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class SegmentController {

    private final SegmentManagement segments;

    SegmentController(SegmentManagement segments) {
        this.segments = segments;
    }

    record Definition(
            @NotNull String match,

            @NotNull @Size(max = SegmentDefinition.MAX_CONDITIONS)
            List<Map<String, @Nullable Object>> conditions) {

        SegmentDefinition typed() {
            return new SegmentDefinition(match, conditions);
        }
    }

    record SegmentRequest(
            @NotNull @Size(min = 1, max = 200) String name,
            @NotNull @Valid Definition definition) {}

    record Count(long contacts) {}

    @PostMapping
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(
            summary = "Save a segment: {match: all|any, conditions: [...]}, see the field, attribute, tag, list,"
                    + " activity, active and visited conditions in docs/contacts.md")
    @ApiResponse(responseCode = "201", description = "Saved, with how many contacts it has now")
    @ApiResponse(responseCode = "409", description = "A segment has this name")
    ResponseEntity<SegmentManagement.Counted> create(@Valid @RequestBody SegmentRequest request) {
        SegmentManagement.Counted created =
                segments.create(request.name().strip(), request.definition().typed());
        return ResponseEntity.created(
                        URI.create("/api/v1/segments/" + created.segment().id()))
                .body(created);
    }

    @PostMapping("/count")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "How many contacts a definition selects now, without saving it (the builder's live count)")
    @ApiResponse(responseCode = "200", description = "The count")
    Count count(@Valid @RequestBody Definition definition) {
        return new Count(segments.count(definition.typed()));
    }

    @GetMapping
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "Segments, oldest first")
    CursorPage<Segment> list(PageRequest page) {
        return segments.page(page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "A segment with how many contacts it has now")
    SegmentManagement.Counted get(@PathVariable UUID id) {
        return segments.find(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Change a segment's name and definition")
    SegmentManagement.Counted change(@PathVariable UUID id, @Valid @RequestBody SegmentRequest request) {
        return segments.change(id, request.name().strip(), request.definition().typed());
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Delete a segment (its contacts stay)")
    @ApiResponse(responseCode = "204", description = "Deleted; no content")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        segments.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/contacts")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "The segment's contacts as they are now, newest first")
    CursorPage<Contact> contacts(@PathVariable UUID id, PageRequest page) {
        return segments.contacts(id, page);
    }
}
