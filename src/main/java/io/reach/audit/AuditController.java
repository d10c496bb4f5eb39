package io.reach.audit;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read access to the audit trail, newest first: a workspace's records for its administrators,
 * and the platform's own security events (sign-in failures precede any workspace) for the
 * platform administrator.
 */
@RestController
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
class AuditController {

    private final AuditHistory history;

    AuditController(AuditHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/audit-logs")
    @RequiresPermission(resource = "audit_logs", action = "read")
    @Operation(summary = "State changes in this workspace")
    CursorPage<AuditRecords.AuditLog> auditLogs(
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(name = "resource_type", required = false) @Nullable String resourceType,
            @RequestParam(name = "user_id", required = false) @Nullable UUID userId,
            TimeWindow window,
            PageRequest page) {
        return history.auditLogs(page, filter(page, window, userId, action, resourceType));
    }

    @GetMapping("/api/v1/security-events")
    @RequiresPermission(resource = "audit_logs", action = "read")
    @Operation(summary = "Security events in this workspace")
    CursorPage<AuditRecords.SecurityEventView> securityEvents(
            @RequestParam(name = "event_type", required = false) @Nullable String eventType,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(name = "user_id", required = false) @Nullable UUID userId,
            TimeWindow window,
            PageRequest page) {
        return history.securityEvents(page, filter(page, window, userId, eventType, severity));
    }

    @GetMapping("/api/v1/access-logs")
    @RequiresPermission(resource = "audit_logs", action = "read")
    @Operation(summary = "Refused requests in this workspace")
    CursorPage<AuditRecords.AccessLog> accessLogs(
            @RequestParam(name = "resource_type", required = false) @Nullable String resourceType,
            @RequestParam(name = "user_id", required = false) @Nullable UUID userId,
            TimeWindow window,
            PageRequest page) {
        return history.accessLogs(page, filter(page, window, userId, resourceType, null));
    }

    @GetMapping("/api/v1/admin/security-events")
    @Operation(summary = "Platform-level security events (sign-in failures, throttling, rejected webhooks)")
    CursorPage<AuditRecords.SecurityEventView> platformSecurityEvents(
            @RequestParam(name = "event_type", required = false) @Nullable String eventType,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(name = "user_id", required = false) @Nullable UUID userId,
            TimeWindow window,
            PageRequest page) {
        return history.platformSecurityEvents(page, filter(page, window, userId, eventType, severity));
    }

    private static AuditRecords.Filter filter(
            PageRequest page,
            TimeWindow window,
            @Nullable UUID userId,
            @Nullable String kind,
            @Nullable String subKind) {
        return new AuditRecords.Filter(
                page.beforeOrEnd(), page.fetchSize(), window.from(), window.to(), userId, kind, subKind);
    }
}
