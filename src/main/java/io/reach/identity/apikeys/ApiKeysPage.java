package io.reach.identity.apikeys;

import io.reach.identity.RequestOrigins;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.identity.access.Scopes;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's API-key page: the workspace's keys, a form to create one (its secret shown on the
 * answer to that form only, never again) and revocation; the same {@link ApiKeyManagement} as
 * {@code /api/v1/api-keys}, so the same delegation rules and audit.
 */
@Controller
@ConsolePage
@Hidden
public class ApiKeysPage {

    private static final String PATH = "/app/settings/api-keys";
    private static final String SCOPE = "\\*|([a-z][a-z_]{0,63}|\\*):(read|write|\\*)";

    /** A key as the page lists it. */
    public record KeyRow(
            UUID id, String name, String prefix, String scopes, String lastUsed, String expires, boolean revoked) {}

    /** What the page shows; {@code secret} only on the answer to the form that created the key. */
    public record View(
            List<KeyRow> keys,
            @Nullable String next,
            Map<String, String> errors,
            Map<String, String> form,
            @Nullable String secret) {}

    private final ApiKeyManagement apiKeys;

    ApiKeysPage(ApiKeyManagement apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "api_keys", action = "read")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        return page(model, cursor, Map.of(), Map.of(), null);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "api_keys", action = "write")
    String create(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String scopes,
            @RequestParam(required = false) @Nullable String expires,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String named = name == null ? "" : name.strip();
        if (named.isEmpty() || named.length() > 200) {
            errors.put("name", "Give the key a name (up to 200 characters).");
        }
        List<String> granted = scopes == null
                ? List.of()
                : Arrays.stream(scopes.split("[\\s,]+"))
                        .filter(scope -> !scope.isEmpty())
                        .toList();
        if (granted.isEmpty() || granted.size() > 50 || granted.stream().anyMatch(scope -> !scope.matches(SCOPE))) {
            errors.put("scopes", "Name 1 to 50 scopes: " + Scopes.MESSAGE + ".");
        }
        Instant expiresAt = null;
        if (expires != null && !expires.isBlank()) {
            try {
                expiresAt = LocalDate.parse(expires.strip())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException notADate) {
                errors.put("expires", "Give the expiry as a date (YYYY-MM-DD) or leave it empty.");
            }
        }
        Map<String, String> typed = Map.of(
                "name", name == null ? "" : name,
                "scopes", scopes == null ? "" : scopes,
                "expires", expires == null ? "" : expires);
        if (errors.isEmpty()) {
            try {
                var issued = apiKeys.create(member, named, granted, expiresAt, RequestOrigins.of(http));
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                return page(model, null, Map.of(), Map.of(), issued.secret());
            } catch (InvalidRequestException invalid) {
                invalid.errors()
                        .forEach(error -> errors.merge(
                                error.field().replaceFirst("\\[\\d+]$", ""), error.message(), (a, b) -> a + "; " + b));
            } catch (ApiException refused) {
                errors.put(refused.status().value() == 403 ? "scopes" : "expires", refused.getMessage());
                response.setStatus(refused.status().value());
                return page(model, null, errors, typed, null);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, null, errors, typed, null);
    }

    @PostMapping(path = PATH + "/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "api_keys", action = "write")
    String revoke(@SignedInMember UserPrincipal member, @PathVariable UUID id, HttpServletRequest http) {
        apiKeys.revoke(member, id, RequestOrigins.of(http));
        return "redirect:" + PATH;
    }

    private String page(
            Model model,
            @Nullable String cursor,
            Map<String, String> errors,
            Map<String, String> form,
            @Nullable String secret) {
        var keys = apiKeys.list(PageRequest.of(null, cursor));
        model.addAttribute(
                "view",
                new View(
                        keys.items().stream()
                                .map(key -> new KeyRow(
                                        key.id(),
                                        key.name(),
                                        key.keyPrefix(),
                                        String.join(", ", key.scopes()),
                                        key.lastUsedAt() == null
                                                ? "never"
                                                : key.lastUsedAt().toString(),
                                        key.expiresAt() == null
                                                ? "never"
                                                : key.expiresAt().toString(),
                                        key.revokedAt() != null))
                                .toList(),
                        keys.nextCursor(),
                        errors,
                        form,
                        secret));
        return "settings/api-keys";
    }
}
