package io.reach.identity.signin;

import io.reach.platform.console.ConsolePage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's error page, in the layout, with the problem's own words and status (see
 * {@link ConsoleProblemPages}); opened directly, it is a page that does not exist.
 */
@Controller
@ConsolePage
@Hidden
class ProblemPage {

    @RequestMapping(ConsoleProblemPages.PAGE)
    String show(HttpServletRequest request, HttpServletResponse response, Model model) {
        ConsoleProblemPages.Shown shown = request.getAttribute(ConsoleProblemPages.PROBLEM)
                        instanceof ConsoleProblemPages.Shown problem
                ? problem
                : new ConsoleProblemPages.Shown(404, "Not found", "There is no page at this address.", List.of());
        response.setStatus(shown.status());
        model.addAttribute("status", shown.status());
        model.addAttribute("title", shown.title());
        model.addAttribute("detail", shown.detail());
        model.addAttribute("errors", shown.errors());
        return "signin/problem";
    }
}
