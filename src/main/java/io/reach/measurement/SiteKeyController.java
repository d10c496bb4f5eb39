package io.reach.measurement;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public site keys for browsers: created with their allowed origins, listed, changed and revoked. */
@RestController
@RequestMapping("/api/v1/site-keys")
@Tag(name = "Ingestion")
@SecurityRequirement(name = "bearer")
class SiteKeyController {

    private final SiteKeys keys;
    private final Sites sites;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    SiteKeyController(SiteKeys keys, Sites sites, AuditTrail audit, TenantTransactions transactions, Ids ids,
            Clock clock) {
        this.keys = keys;
        this.sites = sites;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** {@code site_id}: the site its events go to (none: the workspace's default site). */
    record CreateSiteKey(@NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 300) String> allowedOrigins, @Nullable UUID siteId) {
    }

    record ChangeSiteKey(@Size(min = 1, max = 200) @Nullable String name,
            @Size(min = 1, max = 50) @Nullable List<@NotNull @Size(max = 300) String> allowedOrigins) {
    }

    @PostMapping
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Create a public site key for a web page's tracker, writing into the site site_id names (none: "
            + "the default site); events are accepted only from its origins")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<SiteKeys.SiteKey> create(@AuthenticationPrincipal @Nullable Object principal,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject("""
                    {"name": "Marketing site", "allowed_origins": ["https://www.example.com", "https://*.example.com"]}""")))
            @Valid @RequestBody CreateSiteKey request) {
        List<String> origins = origins(request.allowedOrigins());
        UUID id = ids.next();
        Instant now = clock.instant();
        SiteKeys.SiteKey created = transactions.inTransaction(() -> {
            UUID site = sites.chosen(request.siteId()).id();
            keys.create(id, TenantContext.require(), site, request.name().strip(), origins, userOf(principal), now);
            record(principal, "site_key.created", id, Map.of("name", request.name(), "allowed_origins", origins,
                    "site_id", site));
            return keys.find(id).orElseThrow();
        });
        return ResponseEntity.created(URI.create("/api/v1/site-keys/" + id)).body(created);
    }

    @GetMapping
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "List the site keys, revoked ones included")
    CursorPage<SiteKeys.SiteKey> list(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> CursorPage.of(keys.page(page.afterOrStart(), page.fetchSize()), page,
                SiteKeys.SiteKey::id));
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "One site key")
    SiteKeys.SiteKey get(@PathVariable UUID id) {
        return transactions.inTransaction(() -> keys.find(id).orElseThrow(() -> SiteKeyNotFound.forId(id)));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Rename a site key or replace its allowed origins")
    SiteKeys.SiteKey change(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id,
            @Valid @RequestBody ChangeSiteKey request) {
        List<String> origins = request.allowedOrigins() == null ? null : origins(request.allowedOrigins());
        return transactions.inTransaction(() -> {
            SiteKeys.SiteKey before = keys.find(id).orElseThrow(() -> SiteKeyNotFound.forId(id));
            if (!keys.update(id, request.name() == null ? null : request.name().strip(), origins, clock.instant())) {
                throw new ConflictException("Site key revoked", "A revoked site key cannot be changed; create a new one");
            }
            record(principal, "site_key.changed", id, Map.of("name", before.name(), "allowed_origins",
                    origins == null ? before.allowedOrigins() : origins));
            return keys.find(id).orElseThrow();
        });
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Revoke a site key; browsers using it are refused at once")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id) {
        transactions.inTransaction(() -> {
            keys.find(id).orElseThrow(() -> SiteKeyNotFound.forId(id));
            if (keys.revoke(id, clock.instant())) {
                record(principal, "site_key.revoked", id, null);
            }
        });
        return ResponseEntity.noContent().build();
    }

    private static List<String> origins(List<String> given) {
        List<String> origins = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            var origin = SiteKeys.normalisedOrigin(given.get(i));
            if (origin.isEmpty()) {
                errors.add(new FieldError("allowed_origins[" + i + "]",
                        "must be an origin such as https://shop.example or https://*.shop.example (no path)"));
            } else if (!origins.contains(origin.get())) {
                origins.add(origin.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.toArray(FieldError[]::new));
        }
        return origins;
    }

    private void record(@Nullable Object principal, String action, UUID id, @Nullable Map<String, ?> values) {
        ActorType actor = principal instanceof UserPrincipal ? ActorType.USER : ActorType.API_KEY;
        audit.record(TenantContext.require(), AuditEntry.by(userOf(principal), actor, action)
                .on("site_key", id, "measurement.site_keys").values(values));
    }

    private static @Nullable UUID userOf(@Nullable Object principal) {
        return principal instanceof UserPrincipal user ? user.userId() : null;
    }
}
