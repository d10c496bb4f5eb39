package io.reach.campaigns.suppression;

import io.reach.campaigns.sending.Channel;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.Codes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's suppression lists (per channel): read them, add an address by hand, lift one. */
@RestController
@RequestMapping("/api/v1/suppressions/{channel}")
@Tag(name = "Suppressions")
@SecurityRequirement(name = "bearer")
class SuppressionController {

    private final SuppressionLists suppressions;

    SuppressionController(SuppressionLists suppressions) {
        this.suppressions = suppressions;
    }

    record Add(@NotNull @Size(max = 320) String address) {}

    record Page(
            List<Suppressions.Suppression> items, @Nullable String nextCursor) {}

    @GetMapping
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "Suppressed addresses (email) or numbers (sms), in address order; cursor = last address")
    Page list(
            @PathVariable String channel,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Channel c = Codes.of(Channel.class, channel, "channel");
        int size = limit == null ? 50 : Math.clamp(limit, 1, 200);
        List<Suppressions.Suppression> rows = suppressions.page(c, cursor == null ? "" : cursor, size + 1);
        return rows.size() > size
                ? new Page(rows.subList(0, size), rows.get(size - 1).address())
                : new Page(rows, null);
    }

    @PostMapping
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Suppress an address or number by hand")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> add(@PathVariable String channel, @Valid @RequestBody Add request) {
        Channel c = Codes.of(Channel.class, channel, "channel");
        suppressions.suppress(c, request.address());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{address}")
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(summary = "Lift a suppression (the address may be written to again)")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> remove(@PathVariable String channel, @PathVariable String address) {
        Channel c = Codes.of(Channel.class, channel, "channel");
        if (!suppressions.lift(c, address)) {
            throw SuppressionNotFound.forAddress(address);
        }
        return ResponseEntity.noContent().build();
    }
}
