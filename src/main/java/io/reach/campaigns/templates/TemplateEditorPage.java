package io.reach.campaigns.templates;

import io.reach.campaigns.ConsoleAbilities;
import io.reach.campaigns.FormErrors;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's template editor: a Mustache template's parts and declared variables, with a live
 * preview (htmx posts the form to {@code /app/templates/preview} as one types) rendered as sending
 * renders it. Saving creates the template, or stores its next version; the same
 * {@link TemplateManagement} as the API.
 */
@Controller
@ConsolePage
@Hidden
public class TemplateEditorPage {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

    /** The editor's model: which template (null: a new one), the form, its errors and the preview. */
    public record Editor(
            @Nullable UUID templateId,
            int version,
            List<Integer> versions,
            TemplateForm form,
            Map<String, String> errors,
            List<String> types,
            List<String> builtIns,
            TemplatePreviews.Preview preview,
            boolean mayWrite) {

        public String action() {
            return templateId == null ? "/app/templates" : "/app/templates/" + templateId;
        }
    }

    private final TemplateManagement templates;
    private final TemplatePreviews previews;

    private final ConsoleAbilities abilities;

    TemplateEditorPage(TemplateManagement templates, TemplatePreviews previews, ConsoleAbilities abilities) {
        this.templates = templates;
        this.previews = previews;
        this.abilities = abilities;
    }

    @GetMapping("/app/templates/new")
    @RequiresPermission(resource = "templates", action = "write")
    String blank(Model model) {
        return editor(model, null, 0, TemplateForm.blank(), Map.of());
    }

    @PostMapping(path = "/app/templates", consumes = FORM)
    @RequiresPermission(resource = "templates", action = "write")
    String create(@SignedInMember UserPrincipal member, TemplateForm form, Model model, HttpServletResponse response) {
        return save(
                model,
                response,
                null,
                0,
                form,
                () -> templates.create(member.userId(), form.name().strip(), form.type(), form.content(), null));
    }

    @GetMapping("/app/templates/{id}")
    @RequiresPermission(resource = "templates", action = "read", idVariable = "id")
    String show(@PathVariable UUID id, Model model) {
        StoredTemplate latest = templates.latest(id);
        return editor(model, id, latest.version(), TemplateForm.of(latest), Map.of());
    }

    @PostMapping(path = "/app/templates/{id}", consumes = FORM)
    @RequiresPermission(resource = "templates", action = "write", idVariable = "id")
    String edit(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            TemplateForm form,
            Model model,
            HttpServletResponse response) {
        StoredTemplate latest = templates.latest(id);
        TemplateForm kept = new TemplateForm(
                form.name(),
                latest.templateType().code(),
                form.subject(),
                form.html(),
                form.text(),
                form.body(),
                form.variables(),
                form.samples());
        String name = kept.name().isBlank() ? null : kept.name().strip();
        return save(
                model,
                response,
                id,
                latest.version(),
                kept,
                () -> templates.edit(member.userId(), id, name, kept.content()));
    }

    @PostMapping(path = "/app/templates/preview", consumes = FORM)
    @RequiresPermission(resource = "templates", action = "read")
    String preview(TemplateForm form, Model model) {
        model.addAttribute("preview", previews.of(form));
        return "campaigns/templates/preview";
    }

    private String save(
            Model model,
            HttpServletResponse response,
            @Nullable UUID id,
            int version,
            TemplateForm form,
            Supplier<StoredTemplate> useCase) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name().isBlank() || form.name().strip().length() > 255) {
            errors.put("name", "Give the template a name (up to 255 characters).");
        }
        if (errors.isEmpty()) {
            try {
                return "redirect:/app/templates/" + useCase.get().templateId();
            } catch (InvalidRequestException refused) {
                FormErrors.add(errors, refused, TemplateForm::fieldOf);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return editor(model, id, version, form, errors);
    }

    private String editor(Model model, @Nullable UUID id, int version, TemplateForm form, Map<String, String> errors) {
        List<Integer> versions = id == null
                ? List.of()
                : templates.versions(id, null, 50).stream()
                        .map(StoredTemplate::version)
                        .toList();
        List<String> types =
                Arrays.stream(TemplateType.values()).map(TemplateType::code).toList();
        model.addAttribute(
                "editor",
                new Editor(
                        id,
                        version,
                        versions,
                        form,
                        errors,
                        types,
                        TemplateContent.BUILT_IN.stream().sorted().toList(),
                        previews.of(form),
                        abilities.holds("templates", "write")));
        return "campaigns/templates/editor";
    }
}
