package io.reach.installation;

import io.reach.identity.RequestOrigins;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.PlatformAdministration;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's connections page (platform admins only): each connection, where its settings come
 * from (the environment, read-only here; the database; or nowhere) and a form to store it. Secrets
 * are never shown again, only that they are set. The same {@link InstallationConnections} as the API.
 */
@Controller
@ConsolePage
@Hidden
public class ConnectionsPage {

    /** One connection as the page shows it; {@code errors} are the last refused form's, by field. */
    public record KindRow(
            String code, String slug, String label, String source, boolean stored, List<FieldRow> fields) {

        public boolean fromEnvironment() {
            return source.equals("environment");
        }
    }

    /** One setting: its input, the value to show (never a secret's) and the error next to it. */
    public record FieldRow(
            String name,
            String inputId,
            String label,
            boolean secret,
            boolean required,
            @Nullable String value,
            boolean set,
            @Nullable String error) {}

    private final InstallationConnections connections;

    ConnectionsPage(InstallationConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/app/admin/connections")
    String list(Model model) {
        PlatformAdministration.requirePlatformAdmin();
        return page(model, null, Map.of(), Map.of());
    }

    @PostMapping(path = "/app/admin/connections/{kind}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String set(
            @SignedInMember UserPrincipal member,
            @PathVariable String kind,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        PlatformAdministration.requirePlatformAdmin();
        ConnectionKind connection = ConnectionKind.ofCode(kind).orElseThrow(() -> ConnectionNotFound.forKind(kind));
        Map<String, @Nullable String> values = new LinkedHashMap<>();
        connection.fields().forEach(field -> values.put(field.name(), form.getFirst(field.name())));
        try {
            connections.set(kind, values, member.userId(), RequestOrigins.of(request));
            return "redirect:/app/admin/connections";
        } catch (InvalidRequestException invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, kind, values, errors);
        }
    }

    @PostMapping("/app/admin/connections/{kind}/clear")
    String clear(@SignedInMember UserPrincipal member, @PathVariable String kind, HttpServletRequest request) {
        PlatformAdministration.requirePlatformAdmin();
        connections.clear(kind, member.userId(), RequestOrigins.of(request));
        return "redirect:/app/admin/connections";
    }

    private String page(
            Model model,
            @Nullable String refusedKind,
            Map<String, @Nullable String> submitted,
            Map<String, String> errors) {
        List<KindRow> kinds = connections.list().stream()
                .map(view -> row(view, view.kind().equals(refusedKind), submitted, errors))
                .toList();
        model.addAttribute("kinds", kinds);
        return "admin/connections";
    }

    private static KindRow row(
            ConnectionView view, boolean refused, Map<String, @Nullable String> submitted, Map<String, String> errors) {
        String slug = view.kind().replace(':', '-');
        List<FieldRow> fields = view.settings().stream()
                .map(setting -> new FieldRow(
                        setting.name(),
                        slug + "-" + setting.name().replace('_', '-'),
                        labelOf(setting.name()),
                        setting.secret(),
                        setting.required(),
                        setting.secret() ? null : refused ? submitted.get(setting.name()) : setting.value(),
                        setting.set(),
                        refused ? errors.get(setting.name()) : null))
                .toList();
        return new KindRow(view.kind(), slug, view.label(), view.source(), view.stored(), fields);
    }

    private static String labelOf(String field) {
        return switch (field) {
            case "starttls" -> "STARTTLS (true or false)";
            case "from" -> "From address";
            case "base_url" -> "API base URL (optional)";
            case "account_sid" -> "Account SID";
            case "client_id" -> "Client id";
            default -> {
                String words = field.replace('_', ' ');
                yield words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
            }
        };
    }
}
