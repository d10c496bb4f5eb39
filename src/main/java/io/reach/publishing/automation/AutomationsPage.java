package io.reach.publishing.automation;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.reach.social.AccountNames;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * The console's automations: the list (each enabled or not, with a switch) and the editor (create and
 * change, the API's field errors next to the fields); the run log is {@link AutomationRunsPage}. The same
 * {@link AutomationSettings} as the API, so the same rules, consent and audit.
 */
@Controller
@ConsolePage
@Hidden
public class AutomationsPage {

    /** An automation as the list shows it. */
    public record AutomationRow(
            UUID id, String name, String account, String trigger, String actions, boolean enabled, boolean consent) {

        static AutomationRow of(Automations.Automation automation, Map<UUID, String> accounts) {
            return new AutomationRow(
                    automation.id(),
                    automation.name(),
                    accounts.getOrDefault(automation.socialAccountId(), "(account removed)"),
                    automation.trigger().path("type").asString("").replace('_', ' '),
                    automation
                            .actions()
                            .valueStream()
                            .map(action -> action.path("type").asString(""))
                            .collect(Collectors.joining(", ")),
                    automation.enabled(),
                    automation.consentRequired());
        }
    }

    /** An account the editor offers. */
    public record AccountChoice(String id, String label) {}

    private final AutomationSettings settings;
    private final AccountNames accounts;

    AutomationsPage(AutomationSettings settings, AccountNames accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @GetMapping("/app/automations")
    @RequiresPermission(resource = "posts", action = "read")
    String list(PageRequest page, Model model) {
        Map<UUID, String> names = accounts.labels();
        var automations = settings.list(null, null, page);
        model.addAttribute(
                "automations",
                automations.items().stream()
                        .map(automation -> AutomationRow.of(automation, names))
                        .toList());
        model.addAttribute("nextCursor", automations.nextCursor());
        return "automation/automations";
    }

    @GetMapping("/app/automations/new")
    @RequiresPermission(resource = "posts", action = "write")
    String create(Model model) {
        return editor(model, null, AutomationForm.blank(), Map.of());
    }

    @PostMapping(path = "/app/automations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "posts", action = "write")
    String create(
            @SignedInMember UserPrincipal member,
            @RequestParam MultiValueMap<String, String> fields,
            Model model,
            HttpServletResponse response) {
        AutomationForm form = AutomationForm.of(fields);
        return saved(
                model,
                response,
                null,
                form,
                () -> settings.create(
                        member,
                        new AutomationSettings.Draft(
                                form.accountId().orElseThrow(),
                                form.name(),
                                form.enabled(),
                                form.triggerJson(),
                                form.actionsJson(),
                                form.consentRequired())));
    }

    @GetMapping("/app/automations/{id}/edit")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    String edit(@PathVariable UUID id, Model model) {
        return editor(model, id, AutomationForm.of(settings.get(id)), Map.of());
    }

    @PostMapping(path = "/app/automations/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    String change(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Automations.Automation current = settings.get(id);
        AutomationForm form = AutomationForm.of(fields);
        AutomationForm checked = new AutomationForm(
                current.socialAccountId().toString(),
                form.name(),
                form.triggerType(),
                form.keywords(),
                form.threshold(),
                form.rows(),
                form.enabled(),
                form.consentRequired());
        return saved(
                model,
                response,
                id,
                checked,
                () -> settings.update(
                                member,
                                id,
                                new AutomationSettings.Change(
                                        checked.name(),
                                        checked.enabled(),
                                        checked.triggerJson(),
                                        checked.actionsJson(),
                                        checked.consentRequired()))
                        .id());
    }

    @PostMapping("/app/automations/{id}/enabled")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    String enable(@SignedInMember UserPrincipal member, @PathVariable UUID id, @RequestParam boolean enabled) {
        settings.update(member, id, new AutomationSettings.Change(null, enabled, null, null, null));
        return "redirect:/app/automations";
    }

    /** Saves through the service, or shows the editor again (400) with each problem next to its field. */
    private String saved(
            Model model, HttpServletResponse response, @Nullable UUID id, AutomationForm form, Supplier<UUID> save) {
        Map<String, String> errors = new LinkedHashMap<>(form.requestProblems());
        if (errors.isEmpty()) {
            try {
                save.get();
                return "redirect:/app/automations";
            } catch (InvalidRequestException invalid) {
                invalid.errors()
                        .forEach(error -> errors.merge(
                                form.fieldOf(error.field()), error.message(), (first, next) -> first + "; " + next));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return editor(model, id, form, errors);
    }

    private String editor(Model model, @Nullable UUID id, AutomationForm form, Map<String, String> errors) {
        model.addAttribute("id", id == null ? null : id.toString());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "accounts",
                accounts.all().stream()
                        .filter(account ->
                                account.connected() || account.id().toString().equals(form.socialAccountId()))
                        .map(account -> new AccountChoice(account.id().toString(), account.label()))
                        .toList());
        return "automation/editor";
    }
}
