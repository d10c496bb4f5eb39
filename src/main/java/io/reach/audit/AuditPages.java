package io.reach.audit;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's audit log and security events: the workspace's records newest first, filtered as
 * {@code /api/v1/audit-logs} and {@code /api/v1/security-events} filter them (actor, action or event
 * type, resource or severity, a date range in UTC), through the same {@link AuditHistory}.
 */
@Controller
@ConsolePage
@Hidden
public class AuditPages {

    /** One record as the tables show it. */
    public record Row(String when, String actor, String what, String on, String details, String address) {}

    /** The filters as typed (shown back in the form), and their errors. */
    public record Filters(String actor, String kind, String subKind, String from, String to) {}

    /** What a page shows; {@code next} is the link to the next page, filters kept. */
    public record View(List<Row> rows, @Nullable String next, Filters filters, Map<String, String> errors) {}

    private final AuditHistory history;

    AuditPages(AuditHistory history) {
        this.history = history;
    }

    @GetMapping("/app/settings/audit")
    @RequiresPermission(resource = "audit_logs", action = "read")
    String auditLog(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String resource,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor,
            Model model,
            HttpServletResponse response) {
        Filters typed = new Filters(text(actor), text(action), text(resource), text(from), text(to));
        Query query = Query.of(typed, cursor);
        if (!query.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("view", new View(List.of(), null, typed, query.errors()));
            return "settings/audit";
        }
        var page = history.auditLogs(query.page(), query.filter());
        List<Row> rows = page.items().stream()
                .map(log -> new Row(
                        log.occurredAt().toString(),
                        actorOf(log.userId(), log.actorType()),
                        log.action(),
                        log.resourceType() + (log.resourceId() == null ? "" : " " + log.resourceId()),
                        log.changes() != null
                                ? log.changes().toString()
                                : log.newValues() != null ? log.newValues().toString() : "",
                        text(log.ipAddress())))
                .toList();
        model.addAttribute(
                "view", new View(rows, next("/app/settings/audit", typed, page.nextCursor()), typed, Map.of()));
        return "settings/audit";
    }

    @GetMapping("/app/settings/security")
    @RequiresPermission(resource = "audit_logs", action = "read")
    String securityEvents(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(name = "event_type", required = false) @Nullable String eventType,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor,
            Model model,
            HttpServletResponse response) {
        Filters typed = new Filters(text(actor), text(eventType), text(severity), text(from), text(to));
        Query query = Query.of(typed, cursor);
        if (!query.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("view", new View(List.of(), null, typed, query.errors()));
            return "settings/security";
        }
        var page = history.securityEvents(query.page(), query.filter());
        List<Row> rows = page.items().stream()
                .map(event -> new Row(
                        event.occurredAt().toString(),
                        event.userId() == null ? "" : event.userId().toString(),
                        event.eventType(),
                        event.severity(),
                        event.details().toString(),
                        text(event.ipAddress())))
                .toList();
        model.addAttribute(
                "view", new View(rows, next("/app/settings/security", typed, page.nextCursor()), typed, Map.of()));
        return "settings/security";
    }

    /** The filters read into the API's terms, or what is wrong with them. */
    private record Query(PageRequest page, AuditRecords.Filter filter, Map<String, String> errors) {

        static Query of(Filters typed, @Nullable String cursor) {
            Map<String, String> errors = new LinkedHashMap<>();
            UUID actor = null;
            if (!typed.actor().isEmpty()) {
                try {
                    actor = UUID.fromString(typed.actor());
                } catch (IllegalArgumentException notAnId) {
                    errors.put("actor", "Give the actor's user id (as shown in the Actor column).");
                }
            }
            Instant from = day(typed.from(), 0, "from", errors);
            Instant to = day(typed.to(), 1, "to", errors);
            PageRequest page = PageRequest.of(null, cursor);
            TimeWindow window;
            try {
                window = TimeWindow.unbounded(from, to);
            } catch (ApiException wrongOrder) {
                errors.put("to", "The last day must not come before the first.");
                window = TimeWindow.unbounded(null, null);
            }
            return new Query(
                    page,
                    new AuditRecords.Filter(
                            page.beforeOrEnd(),
                            page.fetchSize(),
                            window.from(),
                            window.to(),
                            actor,
                            typed.kind().isEmpty() ? null : typed.kind(),
                            typed.subKind().isEmpty() ? null : typed.subKind()),
                    errors);
        }

        private static @Nullable Instant day(String text, int plusDays, String field, Map<String, String> errors) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(text)
                        .plusDays(plusDays)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException notADate) {
                errors.put(field, "Give a date as YYYY-MM-DD.");
                return null;
            }
        }
    }

    private static @Nullable String next(String path, Filters typed, @Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        return UriComponentsBuilder.fromPath(path)
                .queryParam("actor", typed.actor())
                .queryParam(path.endsWith("audit") ? "action" : "event_type", typed.kind())
                .queryParam(path.endsWith("audit") ? "resource" : "severity", typed.subKind())
                .queryParam("from", typed.from())
                .queryParam("to", typed.to())
                .queryParam("cursor", cursor)
                .encode()
                .toUriString();
    }

    private static String actorOf(@Nullable UUID userId, String actorType) {
        return userId == null ? actorType : userId + " (" + actorType + ")";
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
