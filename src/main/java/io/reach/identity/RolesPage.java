package io.reach.identity;

import io.reach.identity.access.AccessPolicies;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's roles and policies page: the workspace's roles with their permissions (custom ones
 * added and deleted here) and its access policies (added and deleted here), through the same
 * {@link AccessControl} as {@code /api/v1/roles} and {@code /api/v1/access-policies}.
 */
@Controller
@ConsolePage
@Hidden
public class RolesPage {

    private static final String PATH = "/app/settings/roles";
    private static final String ROLE = "[a-z0-9_-]{1,64}";

    /** A role as the page lists it. */
    public record RoleRow(UUID id, String name, String description, boolean custom, String permissions) {}

    /** A policy as the page lists it. */
    public record PolicyRow(UUID id, String name, String description, String definition, boolean enabled) {}

    /** What the page shows; {@code form} holds what was typed into a refused form. */
    public record View(
            List<RoleRow> roles,
            List<String> permissions,
            List<PolicyRow> policies,
            @Nullable String nextPolicies,
            Map<String, String> errors,
            Map<String, String> form,
            List<String> chosen) {}

    private final AccessControl accessControl;
    private final JsonMapper json;

    RolesPage(AccessControl accessControl, JsonMapper json) {
        this.accessControl = accessControl;
        this.json = json;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "roles", action = "read")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        return page(model, cursor, Map.of(), Map.of(), List.of());
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "roles", action = "write")
    String createRole(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable List<String> permissions,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String named = name == null ? "" : name.strip();
        String described = description == null || description.isBlank() ? null : description.strip();
        List<String> granted = permissions == null ? List.of() : permissions;
        if (!named.matches(ROLE)) {
            errors.put("name", "Name the role with lower-case letters, digits, - or _ (up to 64).");
        }
        if (described != null && described.length() > 500) {
            errors.put("description", "Describe the role in up to 500 characters.");
        }
        if (granted.size() > 100 || granted.stream().anyMatch(one -> !one.matches("[a-z][a-z_]{0,63}:(read|write)"))) {
            errors.put("permissions", "Choose permissions from the list.");
        }
        if (errors.isEmpty()) {
            try {
                accessControl.createRole(member, named, described, granted, RequestOrigins.of(http));
                return "redirect:" + PATH;
            } catch (InvalidRequestException invalid) {
                invalid.errors().forEach(error -> errors.put(error.field(), error.message()));
            } catch (ApiException refused) {
                errors.put("name", refused.title() + ": " + refused.getMessage());
                response.setStatus(refused.status().value());
                return page(model, null, errors, form("role_", name, description), granted);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, null, errors, form("role_", name, description), granted);
    }

    @PostMapping(path = PATH + "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "roles", action = "write")
    String deleteRole(@SignedInMember UserPrincipal member, @PathVariable UUID id, HttpServletRequest http) {
        accessControl.deleteRole(member, id, RequestOrigins.of(http));
        return "redirect:" + PATH;
    }

    @PostMapping(path = PATH + "/policies", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "policies", action = "write")
    String createPolicy(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(name = "policy_definition", required = false) @Nullable String definition,
            @RequestParam(required = false) @Nullable String enabled,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String named = name == null ? "" : name.strip();
        String described = description == null || description.isBlank() ? null : description.strip();
        if (named.isEmpty() || named.length() > 200) {
            errors.put("policy_name", "Give the policy a name (up to 200 characters).");
        }
        if (described != null && described.length() > 1000) {
            errors.put("policy_description", "Describe the policy in up to 1000 characters.");
        }
        JsonNode parsed = null;
        try {
            parsed = json.readTree(definition == null ? "" : definition);
        } catch (JacksonException notJson) {
            errors.put("policy_definition", "Write the definition as a JSON object.");
        }
        if (errors.isEmpty() && parsed != null) {
            try {
                accessControl.createPolicy(member, named, described, parsed, enabled != null, RequestOrigins.of(http));
                return "redirect:" + PATH;
            } catch (InvalidRequestException invalid) {
                invalid.errors()
                        .forEach(error ->
                                errors.merge(error.field(), error.message(), (first, next) -> first + "; " + next));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Map<String, String> typed = new LinkedHashMap<>(form("policy_", name, description));
        typed.put("policy_definition", definition == null ? "" : definition);
        return page(model, null, errors, typed, List.of());
    }

    @PostMapping(path = PATH + "/policies/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "policies", action = "write")
    String deletePolicy(@SignedInMember UserPrincipal member, @PathVariable UUID id, HttpServletRequest http) {
        accessControl.deletePolicy(member, id, RequestOrigins.of(http));
        return "redirect:" + PATH;
    }

    private static Map<String, String> form(String prefix, @Nullable String name, @Nullable String description) {
        return Map.of(
                prefix + "name",
                name == null ? "" : name,
                prefix + "description",
                description == null ? "" : description);
    }

    private String page(
            Model model,
            @Nullable String cursor,
            Map<String, String> errors,
            Map<String, String> form,
            List<String> chosen) {
        var policies = accessControl.policies(PageRequest.of(null, cursor));
        model.addAttribute(
                "view",
                new View(
                        accessControl.roles().stream()
                                .map(role -> new RoleRow(
                                        role.id(),
                                        role.name(),
                                        role.description() == null ? "" : role.description(),
                                        !role.isSystem(),
                                        String.join(", ", role.permissions())))
                                .toList(),
                        accessControl.permissions().stream()
                                .map(permission -> permission.resourceType() + ":" + permission.action())
                                .sorted()
                                .toList(),
                        policies.items().stream().map(RolesPage::row).toList(),
                        policies.nextCursor(),
                        errors,
                        form,
                        chosen));
        return "settings/roles";
    }

    private static PolicyRow row(AccessPolicies.PolicyView policy) {
        return new PolicyRow(
                policy.id(),
                policy.name(),
                policy.description() == null ? "" : policy.description(),
                policy.policyDefinition().toString(),
                policy.enabled());
    }
}
