package io.reach.measurement;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditEntry.ActorType;
import io.reach.audit.AuditTrail;
import io.reach.identity.UserPrincipal;
import io.reach.platform.ids.Ids;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The sites a workspace measures: their domains and settings (time zone, excluded IPs and paths).
 * The default site exists in every workspace (listing makes it if needed) and cannot be deleted.
 */
@RestController
@RequestMapping("/api/v1/sites")
@Tag(name = "Sites")
@SecurityRequirement(name = "bearer")
class SiteController {

    private final Sites sites;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    SiteController(Sites sites, AuditTrail audit, TenantTransactions transactions, Ids ids, Clock clock) {
        this.sites = sites;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    record CreateSite(@NotBlank @Size(max = 200) String name,
            @Size(max = 50) @Nullable List<@NotNull @Size(max = 253) String> domains,
            @Size(max = 64) @Nullable String timeZone,
            @Size(max = 100) @Nullable List<@NotNull @Size(max = 50) String> excludedIps,
            @Size(max = 100) @Nullable List<@NotNull @Size(max = 300) String> excludedPaths) {
    }

    /** Only the fields given change; {@code time_zone: ""} goes back to the workspace's zone. */
    record ChangeSite(@Size(min = 1, max = 200) @Nullable String name,
            @Size(max = 50) @Nullable List<@NotNull @Size(max = 253) String> domains,
            @Size(max = 64) @Nullable String timeZone,
            @Size(max = 100) @Nullable List<@NotNull @Size(max = 50) String> excludedIps,
            @Size(max = 100) @Nullable List<@NotNull @Size(max = 300) String> excludedPaths) {
    }

    @PostMapping
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Add a site: its domains, time zone (none: the workspace's) and the IPs/CIDR blocks and page "
            + "paths (* wildcard) whose events are not stored")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Sites.Site> create(@AuthenticationPrincipal @Nullable Object principal,
            @Valid @RequestBody CreateSite request) {
        SiteSettings settings = SiteSettings.checked(request.name(), orEmpty(request.domains()), request.timeZone(),
                orEmpty(request.excludedIps()), orEmpty(request.excludedPaths()));
        UUID id = ids.next();
        Instant now = clock.instant();
        Sites.Site created = transactions.inTransaction(() -> {
            sites.defaultSite(); // the first site a workspace adds is never its default one
            sites.create(id, settings, now);
            record(principal, "site.created", id, settings);
            return sites.find(id).orElseThrow();
        });
        return ResponseEntity.created(URI.create("/api/v1/sites/" + id)).body(created);
    }

    @GetMapping
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "List the sites, the default one included")
    CursorPage<Sites.Site> list(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> {
            sites.defaultSite();
            return CursorPage.of(sites.page(page.afterOrStart(), page.fetchSize()), page, Sites.Site::id);
        });
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "One site")
    Sites.Site get(@PathVariable UUID id) {
        return transactions.inTransaction(() -> sites.find(id).orElseThrow(() -> SiteNotFound.forId(id)));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Change a site: only the fields given change; time_zone \"\" means the workspace's zone. A new "
            + "time zone applies to the days the daily rollup counts from then on (rebuild to recount older days)")
    Sites.Site change(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id,
            @Valid @RequestBody ChangeSite request) {
        return transactions.inTransaction(() -> {
            Sites.Site before = sites.find(id).orElseThrow(() -> SiteNotFound.forId(id));
            SiteSettings settings = SiteSettings.checked(or(request.name(), before.name()),
                    or(request.domains(), before.domains()),
                    request.timeZone() == null ? before.timeZone() : request.timeZone(),
                    or(request.excludedIps(), before.excludedIps()), or(request.excludedPaths(), before.excludedPaths()));
            sites.replace(id, settings, clock.instant());
            record(principal, "site.changed", id, settings);
            return sites.find(id).orElseThrow();
        });
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Delete a site with its events, sessions and rollups, and revoke its site keys; the default "
            + "site cannot be deleted (409)")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> delete(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id) {
        transactions.inTransaction(() -> {
            Sites.Site site = sites.find(id).orElseThrow(() -> SiteNotFound.forId(id));
            if (site.isDefault()) {
                throw new ConflictException("Default site",
                        "The workspace's default site cannot be deleted; API keys that name no site write into it");
            }
            sites.delete(id, clock.instant());
            audit.record(TenantContext.require(), AuditEntry.by(userOf(principal), actorOf(principal), "site.deleted")
                    .on("site", id, "measurement.sites").removed(Map.of("name", site.name())));
        });
        return ResponseEntity.noContent().build();
    }

    private void record(@Nullable Object principal, String action, UUID id, SiteSettings settings) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", settings.name());
        values.put("domains", settings.domains());
        values.put("time_zone", settings.timeZone() == null ? "" : settings.timeZone());
        values.put("excluded_ips", settings.excludedIps());
        values.put("excluded_paths", settings.excludedPaths());
        audit.record(TenantContext.require(), AuditEntry.by(userOf(principal), actorOf(principal), action)
                .on("site", id, "measurement.sites").values(values));
    }

    private static <T> T or(@Nullable T given, T before) {
        return given == null ? before : given;
    }

    private static List<String> orEmpty(@Nullable List<String> given) {
        return given == null ? List.of() : given;
    }

    private static ActorType actorOf(@Nullable Object principal) {
        return principal instanceof UserPrincipal ? ActorType.USER : ActorType.API_KEY;
    }

    private static @Nullable UUID userOf(@Nullable Object principal) {
        return principal instanceof UserPrincipal user ? user.userId() : null;
    }
}
