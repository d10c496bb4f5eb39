package io.reach.campaigns.templates;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two versions of a template side by side, the lines that differ marked; by default the latest
 * version against the one before it.
 */
@Controller
@ConsolePage
@Hidden
public class TemplateVersionsPage {

    /** The most recent versions offered to compare. */
    static final int VERSIONS_OFFERED = 200;

    /** The comparison: which versions, the ones to choose from, and the rows side by side. */
    public record Comparison(
            UUID templateId, String name, int left, int right, List<Integer> versions, List<LineDiff.Row> rows) {

        public boolean identical() {
            return rows.stream().allMatch(row -> row.kind() == LineDiff.Kind.SAME);
        }
    }

    private final TemplateManagement templates;

    TemplateVersionsPage(TemplateManagement templates) {
        this.templates = templates;
    }

    @GetMapping("/app/templates/{id}/versions")
    @RequiresPermission(resource = "templates", action = "read", idVariable = "id")
    String compare(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer left,
            @RequestParam(required = false) @Nullable Integer right,
            Model model) {
        StoredTemplate latest = templates.latest(id);
        int shownRight = right == null ? latest.version() : right;
        int shownLeft = left == null ? Math.max(1, shownRight - 1) : left;
        StoredTemplate older = templates.version(id, shownLeft);
        StoredTemplate newer = templates.version(id, shownRight);
        List<Integer> versions = templates.versions(id, null, VERSIONS_OFFERED).stream()
                .map(StoredTemplate::version)
                .toList();
        model.addAttribute(
                "comparison",
                new Comparison(
                        id,
                        latest.templateName(),
                        shownLeft,
                        shownRight,
                        versions,
                        LineDiff.sideBySide(
                                TemplateForm.of(older).document(),
                                TemplateForm.of(newer).document())));
        return "campaigns/templates/versions";
    }
}
