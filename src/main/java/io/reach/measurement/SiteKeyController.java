package io.reach.measurement;

import io.reach.identity.Actor;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

/** Public site keys for browsers: created with their allowed origins, listed, changed and revoked. */
@RestController
@RequestMapping("/api/v1/site-keys")
@Tag(name = "Ingestion")
@SecurityRequirement(name = "bearer")
class SiteKeyController {

    private final SiteManagement management;

    SiteKeyController(SiteManagement management) {
        this.management = management;
    }

    /** {@code site_id}: the site its events go to (none: the workspace's default site). */
    record CreateSiteKey(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 300) String> allowedOrigins,
            @Nullable UUID siteId) {}

    record ChangeSiteKey(
            @Size(min = 1, max = 200) @Nullable String name,
            @Size(min = 1, max = 50) @Nullable List<@NotNull @Size(max = 300) String> allowedOrigins) {}

    @PostMapping
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(
            summary = "Create a public site key for a web page's tracker, writing into the site site_id names (none: "
                    + "the default site); events are accepted only from its origins")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<SiteKeys.SiteKey> create(
            Actor by,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                    {"name": "Marketing site", "allowed_origins": ["https://www.example.com", "https://*.example.com"]}""")))
                    @Valid
                    @RequestBody
                    CreateSiteKey request) {
        SiteKeys.SiteKey created = management.createKey(
                new SiteManagement.NewSiteKey(request.name(), request.allowedOrigins(), request.siteId()), by);
        return ResponseEntity.created(URI.create("/api/v1/site-keys/" + created.id()))
                .body(created);
    }

    @GetMapping
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "List the site keys, revoked ones included")
    CursorPage<SiteKeys.SiteKey> list(PageRequest page) {
        return management.keys(page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "One site key")
    SiteKeys.SiteKey get(@PathVariable UUID id) {
        return management.key(id);
    }

    @PatchMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Rename a site key or replace its allowed origins")
    SiteKeys.SiteKey change(Actor by, @PathVariable UUID id, @Valid @RequestBody ChangeSiteKey request) {
        return management.changeKey(id, request.name(), request.allowedOrigins(), by);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Revoke a site key; browsers using it are refused at once")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> revoke(Actor by, @PathVariable UUID id) {
        management.revokeKey(id, by);
        return ResponseEntity.noContent().build();
    }
}
