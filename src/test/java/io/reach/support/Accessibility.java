package io.reach.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** Deque's axe-core over the page a browser shows: the bar is 0 serious or critical violations. */
public final class Accessibility {

    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final List<String> STANDARDS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private Accessibility() {}

    /** Runs axe on the current page and fails listing each serious or critical rule, its impact and its elements. */
    public static void assertNoSeriousViolations(WebDriver driver) {
        // the console's only frames are the sandboxed previews of a marketer's own e-mail HTML: axe cannot run in a
        // frame without scripts, and waited 30 s for each before giving up on it
        Results results =
                new AxeBuilder().withTags(STANDARDS).disableIframeTesting().analyze(driver);
        assertThat(results.isErrored())
                .as("axe ran: %s", results.getErrorMessage())
                .isFalse();
        List<String> serious = results.getViolations().stream()
                .filter(rule -> FAILING.contains(rule.getImpact()))
                .map(Accessibility::describe)
                .toList();
        assertThat(serious)
                .as("serious or critical accessibility violations on %s", driver.getCurrentUrl())
                .isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                + rule.getNodes().stream().map(Accessibility::node).collect(Collectors.joining("\n"));
    }

    private static String node(CheckedNode node) {
        return "    " + node.getTarget() + " " + node.getHtml() + " — " + node.getFailureSummary();
    }
}
