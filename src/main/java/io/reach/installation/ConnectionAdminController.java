package io.reach.installation;

import io.reach.identity.RequestOrigins;
import io.reach.identity.UserPrincipal;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform administrator's API for the installation's connections (SMTP, SMS, social platform apps). */
@RestController
@RequestMapping("/api/v1/admin/connections")
@Tag(name = "Installation connections (platform admin)")
@SecurityRequirement(name = "bearer")
class ConnectionAdminController {

    private final InstallationConnections connections;

    ConnectionAdminController(InstallationConnections connections) {
        this.connections = connections;
    }

    @GetMapping
    @Operation(summary = "List the installation's connections: where each comes from, secrets only as set")
    CursorPage<ConnectionView> list() {
        return CursorPage.whole(connections.list());
    }

    @GetMapping("/{kind}")
    @Operation(summary = "One connection, e.g. smtp, sms or social:linkedin")
    ConnectionView get(@PathVariable String kind) {
        return connections.get(kind);
    }

    @PutMapping("/{kind}")
    @Operation(
            summary = "Store a connection's settings (used from the next use on; environment settings still win)",
            description = "A secret left out keeps its stored value.")
    ConnectionView set(
            @PathVariable String kind,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                    {"host": "smtp.example.com", "port": "587", "username": "reach", "password": "s3cret",
                     "from": "reach@example.com", "starttls": "true"}""")))
                    @RequestBody
                    Map<String, @Nullable Object> settings,
            Authentication authentication,
            HttpServletRequest request) {
        return connections.set(kind, asText(settings), adminUser(authentication), RequestOrigins.of(request));
    }

    @DeleteMapping("/{kind}")
    @Operation(summary = "Forget a connection's stored settings")
    ConnectionView clear(@PathVariable String kind, Authentication authentication, HttpServletRequest request) {
        return connections.clear(kind, adminUser(authentication), RequestOrigins.of(request));
    }

    /** The signed-in platform admin, or null for the admin token. */
    static @Nullable UUID adminUser(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof UserPrincipal user
                ? user.userId()
                : null;
    }

    private static Map<String, @Nullable String> asText(Map<String, @Nullable Object> settings) {
        Map<String, @Nullable String> text = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new InvalidRequestException(new FieldError(name, "must be a string"));
            }
            text.put(name, value == null ? null : value.toString());
        });
        return text;
    }
}
