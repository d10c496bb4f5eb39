package io.reach.publishing.automation;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.PageRequest;
import io.reach.social.AccountNames;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An automation's run log in the console, newest first: the same executions the API lists. */
@Controller
@ConsolePage
@Hidden
public class AutomationRunsPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    /** One run: when, how it ended, why, and each action's outcome. */
    public record Run(String at, String status, String detail, String actions) {

        static Run of(Automations.Execution execution) {
            List<String> actions = execution
                    .results()
                    .valueStream()
                    .map(result -> result.path("type").asString("") + ": "
                            + result.path("status").asString("")
                            + (result.has("error") ? " (" + result.path("error").asString("") + ")" : ""))
                    .toList();
            return new Run(
                    WHEN.format(execution.executedAt().atOffset(ZoneOffset.UTC)),
                    execution.status(),
                    execution.detail(),
                    String.join("; ", actions));
        }
    }

    private final AutomationSettings settings;
    private final AccountNames accounts;

    AutomationRunsPage(AutomationSettings settings, AccountNames accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @GetMapping("/app/automations/{id}/runs")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    String runs(@PathVariable UUID id, PageRequest page, Model model) {
        Automations.Automation automation = settings.get(id);
        var runs = settings.executions(id, page);
        model.addAttribute("automation", AutomationsPage.AutomationRow.of(automation, accounts.labels()));
        model.addAttribute("runs", runs.items().stream().map(Run::of).toList());
        model.addAttribute("nextCursor", runs.nextCursor());
        return "automation/runs";
    }
}
