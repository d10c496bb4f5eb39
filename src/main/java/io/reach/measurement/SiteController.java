package io.reach.measurement;

import io.reach.identity.Actor;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/**
 * The sites a workspace measures: their domains and settings (time zone, excluded IPs and paths).
 * The default site exists in every workspace (listing makes it if needed) and cannot be deleted.
 */
@RestController
@RequestMapping("/api/v1/sites")
@Tag(name = "Sites")
@SecurityRequirement(name = "bearer")
class SiteController {

    private final SiteManagement management;

    SiteController(SiteManagement management) {
        this.management = management;
    }

    record CreateSite(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 50) @Nullable List<@NotNull @Size(max = 253) String> domains,
            @Size(max = 64) @Nullable String timeZone,
            @Size(max = 100) @Nullable List<@NotNull @Size(max = 50) String> excludedIps,
            @Size(max = 100) @Nullable List<@NotNull @Size(max = 300) String> excludedPaths) {}

    /** Only the fields given change; {@code time_zone: ""} goes back to the workspace's zone. */
    record ChangeSite(
            @Size(min = 1, max = 200) @Nullable String name,
            @Size(max = 50) @Nullable List<@NotNull @Size(max = 253) String> domains,
            @Size(max = 64) @Nullable String timeZone,
            @Size(max = 100) @Nullable List<@NotNull @Size(max = 50) String> excludedIps,
            @Size(max = 100) @Nullable List<@NotNull @Size(max = 300) String> excludedPaths) {}

    @PostMapping
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(
            summary = "Add a site: its domains, time zone (none: the workspace's) and the IPs/CIDR blocks and page "
                    + "paths (* wildcard) whose events are not stored")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Sites.Site> create(Actor by, @Valid @RequestBody CreateSite request) {
        Sites.Site created = management.createSite(
                new SiteManagement.NewSite(
                        request.name(),
                        orEmpty(request.domains()),
                        request.timeZone(),
                        orEmpty(request.excludedIps()),
                        orEmpty(request.excludedPaths())),
                by);
        return ResponseEntity.created(URI.create("/api/v1/sites/" + created.id()))
                .body(created);
    }

    @GetMapping
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "List the sites, the default one included")
    CursorPage<Sites.Site> list(PageRequest page) {
        return management.sites(page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "One site")
    Sites.Site get(@PathVariable UUID id) {
        return management.site(id);
    }

    @PatchMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(
            summary =
                    "Change a site: only the fields given change; time_zone \"\" means the workspace's zone. A new "
                            + "time zone applies to the days the daily rollup counts from then on (rebuild to recount older days)")
    Sites.Site change(Actor by, @PathVariable UUID id, @Valid @RequestBody ChangeSite request) {
        return management.changeSite(
                id,
                new SiteManagement.SiteChange(
                        request.name(),
                        request.domains(),
                        request.timeZone(),
                        request.excludedIps(),
                        request.excludedPaths()),
                by);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(
            summary = "Delete a site with its events, sessions and rollups, and revoke its site keys; the default "
                    + "site cannot be deleted (409)")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> delete(Actor by, @PathVariable UUID id) {
        management.deleteSite(id, by);
        return ResponseEntity.noContent().build();
    }

    private static List<String> orEmpty(@Nullable List<String> given) {
        return given == null ? List.of() : given;
    }
}
