package io.reach.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.identity.access.Delegation;
import io.reach.identity.access.Scopes;
import io.reach.platform.idempotency.Idempotency;
import io.reach.platform.ids.Ids;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A workspace's API keys: created by a signed-in user, shown once, listed and revoked. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys")
@SecurityRequirement(name = "bearer")
class ApiKeyController {

    private final ApiKeys keys;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;
    private final Delegation delegation;

    ApiKeyController(Delegation delegation, ApiKeys keys, AuditTrail audit, TenantTransactions transactions, Ids ids, Clock clock) {
        this.delegation = delegation;
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    record CreateApiKey(@NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "\\*|([a-z][a-z_]{0,63}|\\*):(read|write|\\*)",
                    message = Scopes.MESSAGE) String> scopes,
            @Nullable Instant expiresAt) {
    }

    record CreatedApiKey(UUID id, String name, String key, String keyPrefix, List<String> scopes,
            @Nullable Instant expiresAt, Instant createdAt) {
    }

    @PostMapping
    @RequiresPermission(resource = "api_keys", action = "write")
    @Operation(summary = "Create an API key; its secret is in this response only")
    @ApiResponse(responseCode = "201", description = "Created; store the key now, it is not shown again")
    ResponseEntity<CreatedApiKey> create(@AuthenticationPrincipal @Nullable UserPrincipal principal,
            @Valid @RequestBody CreateApiKey request, HttpServletRequest http) {
        UserPrincipal user = CurrentUser.require(principal);
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new BadRequestException("Invalid expiry", "expires_at must be in the future");
        }
        UUID id = ids.next();
        String secret = transactions.inTransaction(() -> {
            delegation.requireReal(request.scopes());
            delegation.requireWithin(user, delegation.expand(request.scopes()));
            String created = keys.create(id, user.userId(), request.name(), request.scopes().stream().distinct().toList(),
                    request.expiresAt(), now);
            audit.record(TenantContext.require(), AuditEntry.byUser(user.userId(), "api_key.created")
                    .on("api_key", id, "identity.api_keys")
                    .values(Map.of("name", request.name(), "scopes", request.scopes()))
                    .from(RequestOrigins.of(http)));
            return created;
        });
        Idempotency.doNotStoreResponse(http);
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + id)).body(new CreatedApiKey(id, request.name(),
                secret, ApiKeys.visiblePrefix(secret), request.scopes(), request.expiresAt(), now));
    }

    @GetMapping
    @RequiresPermission(resource = "api_keys", action = "read")
    @Operation(summary = "List the workspace's API keys (without secrets)")
    CursorPage<ApiKeys.ApiKeyView> list(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> CursorPage.of(keys.page(page.afterOrStart(), page.fetchSize()), page,
                ApiKeys.ApiKeyView::id));
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "api_keys", action = "read")
    @Operation(summary = "One API key (without its secret)")
    ApiKeys.ApiKeyView get(@PathVariable UUID id) {
        return transactions.inTransaction(() -> keys.find(id).orElseThrow(() -> ApiKeyNotFound.forId(id)));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "api_keys", action = "write")
    @Operation(summary = "Revoke an API key; it stops working at once")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id,
            HttpServletRequest http) {
        transactions.inTransaction(() -> {
            keys.find(id).orElseThrow(() -> ApiKeyNotFound.forId(id));
            if (keys.revoke(id, clock.instant())) {
                audit.record(TenantContext.require(), Actors.act(principal, "api_key.revoked")
                        .on("api_key", id, "identity.api_keys").from(RequestOrigins.of(http)));
            }
        });
        return ResponseEntity.noContent().build();
    }

}
