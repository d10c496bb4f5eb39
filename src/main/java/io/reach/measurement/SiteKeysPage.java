package io.reach.measurement;

import io.reach.identity.Actor;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's site-key page: the workspace's keys, each with the {@code <script>} snippet to paste,
 * and a form to add one. The same {@link SiteManagement} as the API, so the same rules and audit.
 */
@Controller
@ConsolePage
@Hidden
public class SiteKeysPage {

    /** One key as the page shows it. */
    public record KeyRow(UUID id, String name, String origins, String snippet, boolean editing) {

        /** The origins one per line, as the edit form shows them. */
        public String originLines() {
            return origins.replace(", ", "\n");
        }
    }

    private final SiteManagement management;
    private final TrackingSnippet snippets;

    SiteKeysPage(SiteManagement management, TrackingSnippet snippets) {
        this.management = management;
        this.snippets = snippets;
    }

    @GetMapping("/app/site-keys")
    @RequiresPermission(resource = "analytics", action = "read")
    String list(@SignedInMember UserPrincipal member, CsrfToken csrf, Model model) {
        return page(model, member, csrf, Map.of(), null, null, null);
    }

    @PostMapping(path = "/app/site-keys", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "analytics", action = "write")
    String add(
            @SignedInMember UserPrincipal member,
            Actor by,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String origins,
            CsrfToken csrf,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors = saved(
                name,
                origins,
                (named, allowed) -> management.createKey(new SiteManagement.NewSiteKey(named, allowed, null), by));
        if (errors.isEmpty()) {
            return "redirect:/app/site-keys";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, member, csrf, errors, name, origins, null);
    }

    @PostMapping(path = "/app/site-keys/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "analytics", action = "write")
    String change(
            @SignedInMember UserPrincipal member,
            Actor by,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String origins,
            CsrfToken csrf,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors =
                saved(name, origins, (named, allowed) -> management.changeKey(id, named, allowed, by));
        if (errors.isEmpty()) {
            return "redirect:/app/site-keys";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, member, csrf, errors, null, null, id);
    }

    @PostMapping(path = "/app/site-keys/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "analytics", action = "write")
    String revoke(Actor by, @PathVariable UUID id) {
        management.revokeKey(id, by);
        return "redirect:/app/site-keys";
    }

    /**
     * Checks the typed name and origins and, when they pass, saves them; the field errors (the page's own
     * checks or the service's refusal), empty when saved.
     */
    private static Map<String, String> saved(
            @Nullable String name, @Nullable String origins, BiConsumer<String, List<String>> save) {
        Map<String, String> errors = new LinkedHashMap<>();
        String named = checkedName(name, errors);
        List<String> allowed = checkedOrigins(origins, errors);
        if (errors.isEmpty()) {
            try {
                save.accept(named, allowed);
            } catch (InvalidRequestException invalid) {
                merge(invalid, allowed, errors);
            }
        }
        return errors;
    }

    private static String checkedName(@Nullable String name, Map<String, String> errors) {
        String named = name == null ? "" : name.strip();
        if (named.isEmpty() || named.length() > 200) {
            errors.put("name", "Give the key a name (up to 200 characters).");
        }
        return named;
    }

    private static List<String> checkedOrigins(@Nullable String origins, Map<String, String> errors) {
        List<String> allowed = origins == null
                ? List.of()
                : Arrays.stream(origins.split("\\R"))
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
        if (allowed.isEmpty() || allowed.size() > 50) {
            errors.put("allowed_origins", "Name between 1 and 50 websites, one per line.");
        }
        return allowed;
    }

    /** "allowed_origins[2]": the field, and which line. */
    private static void merge(InvalidRequestException invalid, List<String> allowed, Map<String, String> errors) {
        invalid.errors()
                .forEach(error -> errors.merge(
                        error.field().replaceFirst("\\[\\d+]$", ""),
                        lineOf(error.field(), allowed) + error.message(),
                        (first, next) -> first + "; " + next));
    }

    private static String lineOf(String field, List<String> lines) {
        var index = java.util.regex.Pattern.compile("\\[(\\d+)]$").matcher(field);
        return index.find() ? lines.get(Integer.parseInt(index.group(1))) + ": " : "";
    }

    private String page(
            Model model,
            UserPrincipal member,
            CsrfToken csrf,
            Map<String, String> errors,
            @Nullable String name,
            @Nullable String origins,
            @Nullable UUID editing) {
        List<KeyRow> keys = management.keys(PageRequest.of(200, null)).items().stream()
                .filter(key -> key.revokedAt() == null)
                .map(key -> new KeyRow(
                        key.id(),
                        key.name(),
                        String.join(", ", key.allowedOrigins()),
                        snippets.forKey(key.key()),
                        key.id().equals(editing)))
                .toList();
        model.addAttribute("keys", keys);
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("origins", origins);
        model.addAttribute("editing", editing != null);
        return "measurement/site-keys";
    }
}
