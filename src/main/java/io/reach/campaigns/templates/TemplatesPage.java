package io.reach.campaigns.templates;

import io.reach.campaigns.ConsoleAbilities;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's template list: the workspace's templates (their latest versions) newest first,
 * searchable by name, each leading to its editor; the same {@link TemplateManagement} as the API.
 */
@Controller
@ConsolePage
@Hidden
public class TemplatesPage {

    static final int PAGE_SIZE = 25;

    /** A template as the list shows it. */
    public record Row(UUID id, String name, String type, int version, boolean active, List<String> required) {}

    /** One page of the list, the search and the next page's address. */
    public record View(
            List<Row> rows, String search, @Nullable String nextPage, boolean mayWrite) {}

    private final TemplateManagement templates;

    private final ConsoleAbilities abilities;

    TemplatesPage(TemplateManagement templates, ConsoleAbilities abilities) {
        this.templates = templates;
        this.abilities = abilities;
    }

    @GetMapping("/app/templates")
    @RequiresPermission(resource = "templates", action = "read")
    String list(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        PageRequest request = PageRequest.of(PAGE_SIZE, cursor);
        CursorPage<Row> rows = CursorPage.of(
                        templates.page(request.beforeOrEnd(), request.fetchSize(), null, name),
                        request,
                        StoredTemplate::templateId)
                .map(template -> new Row(
                        template.templateId(),
                        template.templateName(),
                        template.templateType().code(),
                        template.version(),
                        template.isActive(),
                        template.requiredVariables()));
        String search = name == null ? "" : name;
        String next = rows.nextCursor() == null
                ? null
                : "/app/templates?name=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&cursor="
                        + rows.nextCursor();
        model.addAttribute("view", new View(rows.items(), search, next, abilities.holds("templates", "write")));
        return "campaigns/templates/list";
    }
}
