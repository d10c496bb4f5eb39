package io.reach.contacts.imports;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.LargeBodies;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact imports: a CSV (as spreadsheets write it) or JSON upload of up to a million contacts,
 * upserted by e-mail address or number in the background; its progress, counts and refused rows.
 */
@RestController
@RequestMapping(ContactImportController.PATH)
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class ContactImportController {

    static final String PATH = "/api/v1/contact-imports";
    /** A million rows of a few columns. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final ContactImports imports;

    ContactImportController(ContactImports imports) {
        this.imports = imports;
    }

    record ErrorPage(List<ImportError> items, @Nullable String nextCursor) {}

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(
            summary = "Import contacts from the body (text/csv with a header row, or a JSON array of contacts);"
                    + " dry_run counts without changing anything; list_id puts every imported contact on a list."
                    + " Answers at once with the queued import; follow it at its Location")
    @ApiResponse(responseCode = "202", description = "Read and queued; Location names the import")
    ResponseEntity<ContactImport> start(
            @RequestParam(name = "dry_run", required = false) @Nullable Boolean dryRun,
            @RequestParam(name = "list_id", required = false) @Nullable UUID listId,
            HttpServletRequest http)
            throws IOException {
        String type = http.getContentType() == null ? "" : http.getContentType();
        ImportFormat format = type.startsWith("text/csv") ? ImportFormat.CSV : ImportFormat.JSON;
        if (!type.startsWith("text/csv") && !type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            throw new InvalidRequestException(new FieldError("Content-Type", "must be text/csv or application/json"));
        }
        ContactImport queued = imports.start(
                format,
                http.getInputStream(),
                Boolean.TRUE.equals(dryRun),
                listId,
                TenantContext.currentUser().orElse(null));
        return ResponseEntity.accepted()
                .location(URI.create(PATH + "/" + queued.id()))
                .body(queued);
    }

    @GetMapping
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "Imports, newest first")
    CursorPage<ContactImport> list(PageRequest page) {
        return imports.page(page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "An import's status and progress: rows_done of rows_total, created, updated, refused")
    ContactImport get(@PathVariable UUID id) {
        return imports.find(id);
    }

    @GetMapping("/{id}/errors")
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "The refused rows by line, each field's error; cursor = the last item's line:field")
    ErrorPage errors(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
        if (size < 1 || size > 1000) {
            throw new InvalidRequestException(new FieldError("limit", "must be between 1 and 1000"));
        }
        long afterLine = Long.MIN_VALUE;
        String afterField = "";
        if (cursor != null && !cursor.isBlank()) {
            int colon = cursor.indexOf(':');
            try {
                afterLine = Long.parseLong(colon < 0 ? cursor : cursor.substring(0, colon));
            } catch (NumberFormatException malformed) {
                throw new InvalidRequestException(new FieldError("cursor", "is not one this list gave"));
            }
            afterField = colon < 0 ? "" : cursor.substring(colon + 1);
        }
        List<ImportError> rows = imports.errors(id, afterLine, afterField, size + 1);
        if (rows.size() <= size) {
            return new ErrorPage(rows, null);
        }
        ImportError last = rows.get(size - 1);
        return new ErrorPage(rows.subList(0, size), last.line() + ":" + last.field());
    }

    @Configuration(proxyBeanMethods = false)
    static class Bodies {

        @Bean
        LargeBodies contactImportBodies() {
            return () -> Map.of(PATH, MAX_BYTES);
        }
    }
}
