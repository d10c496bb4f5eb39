package io.reach.contacts;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.Codes;
import io.reach.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The custom attributes contacts may carry, each declared with a type. */
@RestController
@RequestMapping("/api/v1/contact-fields")
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class ContactFieldController {

    private final ContactFieldManagement fields;

    ContactFieldController(ContactFieldManagement fields) {
        this.fields = fields;
    }

    record FieldRequest(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,62}")
            String name,

            @NotNull @Size(min = 1, max = 200) String label,
            @NotNull String fieldType) {}

    @GetMapping
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "The declared contact fields, by name")
    CursorPage<ContactField> list() {
        return CursorPage.whole(fields.all());
    }

    @PostMapping
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Declare a contact field: name (a-z, 0-9, _), label, field_type text|number|boolean|date")
    @ApiResponse(responseCode = "201", description = "Declared")
    @ApiResponse(responseCode = "409", description = "A field has this name")
    ResponseEntity<ContactField> declare(@Valid @RequestBody FieldRequest request) {
        ContactField field = fields.declare(
                request.name(), request.label().strip(), Codes.of(FieldType.class, request.fieldType(), "field_type"));
        return ResponseEntity.created(URI.create("/api/v1/contact-fields/" + field.name()))
                .body(field);
    }

    @DeleteMapping("/{name}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Stop declaring a field (contacts keep their values; new values are refused)")
    @ApiResponse(responseCode = "204", description = "Removed; no content")
    ResponseEntity<Void> remove(@PathVariable String name) {
        fields.remove(name);
        return ResponseEntity.noContent().build();
    }
}
