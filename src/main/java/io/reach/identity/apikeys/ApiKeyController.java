package io.reach.identity.apikeys;

import io.reach.identity.RequestOrigins;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.identity.access.Scopes;
import io.reach.platform.idempotency.Idempotency;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A workspace's API keys: created by a signed-in user, shown once, listed and revoked. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys")
@SecurityRequirement(name = "bearer")
class ApiKeyController {

    private final ApiKeyManagement apiKeys;

    ApiKeyController(ApiKeyManagement apiKeys) {
        this.apiKeys = apiKeys;
    }

    record CreateApiKey(
            @NotBlank @Size(max = 200) String name,

            @NotEmpty @Size(max = 50)
            List<
                            @NotNull
                            @Pattern(regexp = "\\*|([a-z][a-z_]{0,63}|\\*):(read|write|\\*)", message = Scopes.MESSAGE)
                            String>
                    scopes,

            @Nullable Instant expiresAt) {}

    record CreatedApiKey(
            UUID id,
            String name,
            String key,
            String keyPrefix,
            List<String> scopes,
            @Nullable Instant expiresAt,
            Instant createdAt) {}

    @PostMapping
    @RequiresPermission(resource = "api_keys", action = "write")
    @Operation(summary = "Create an API key; its secret is in this response only")
    @ApiResponse(responseCode = "201", description = "Created; store the key now, it is not shown again")
    ResponseEntity<CreatedApiKey> create(
            @SignedInMember UserPrincipal user, @Valid @RequestBody CreateApiKey request, HttpServletRequest http) {
        ApiKeyManagement.IssuedKey issued =
                apiKeys.create(user, request.name(), request.scopes(), request.expiresAt(), RequestOrigins.of(http));
        Idempotency.doNotStoreResponse(http);
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.id()))
                .body(new CreatedApiKey(
                        issued.id(),
                        request.name(),
                        issued.secret(),
                        ApiKeys.visiblePrefix(issued.secret()),
                        request.scopes(),
                        request.expiresAt(),
                        issued.createdAt()));
    }

    @GetMapping
    @RequiresPermission(resource = "api_keys", action = "read")
    @Operation(summary = "List the workspace's API keys (without secrets)")
    CursorPage<ApiKeys.ApiKeyView> list(PageRequest page) {
        return apiKeys.list(page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "api_keys", action = "read")
    @Operation(summary = "One API key (without its secret)")
    ApiKeys.ApiKeyView get(@PathVariable UUID id) {
        return apiKeys.get(id);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "api_keys", action = "write")
    @Operation(summary = "Revoke an API key; it stops working at once")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id, HttpServletRequest http) {
        apiKeys.revoke(principal, id, RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }
}
