package io.reach.attribution.reports;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Links to reports shared with sponsors: made, listed, revoked. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Sponsorship")
class SponsorReportController {

    private final SponsorReportLinks links;

    SponsorReportController(SponsorReportLinks links) {
        this.links = links;
    }

    /** How long a link lasts. */
    record LinkRequest(@Nullable Integer expiresInDays) {}

    @PostMapping("/api/v1/sponsors/{id}/report-links")
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(
            summary = "A read-only report address for the sponsor (delivery, downloads, conversions, cost per"
                    + " acquisition, under the workspace's white label), valid expires_in_days (1-365, default 30)")
    @ApiResponse(responseCode = "201", description = "Created; path is shown once")
    ResponseEntity<SponsorReportLinks.Link> create(
            @PathVariable UUID id, @RequestBody(required = false) @Nullable LinkRequest request) {
        SponsorReportLinks.Link link = links.create(id, request == null ? null : request.expiresInDays());
        return ResponseEntity.status(201).body(link);
    }

    @GetMapping("/api/v1/sponsors/{id}/report-links")
    @RequiresPermission(resource = "sponsors", action = "read")
    @Operation(summary = "The sponsor's report links")
    CursorPage<SponsorReportLinks.Link> list(@PathVariable UUID id) {
        return CursorPage.whole(links.forSponsor(id));
    }

    @DeleteMapping("/api/v1/sponsor-report-links/{id}")
    @RequiresPermission(resource = "sponsors", action = "write")
    @Operation(summary = "Revoke a sponsor report link")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        links.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
