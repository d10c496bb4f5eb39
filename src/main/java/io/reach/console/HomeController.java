package io.reach.console;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.HomeFact;
import io.reach.platform.security.AccessDecisions;
import io.reach.tenancy.TenantManagement;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home: what needs attention in the workspace and today's key numbers ({@link HomeOverview}). */
@Controller
@ConsolePage
@Hidden
class HomeController {

    private final TenantManagement tenants;
    private final HomeOverview overview;

    HomeController(TenantManagement tenants, HomeOverview overview) {
        this.tenants = tenants;
        this.overview = overview;
    }

    @GetMapping("/")
    String home(
            @SignedInMember UserPrincipal member,
            Authentication authentication,
            HttpServletRequest request,
            Model model) {
        String workspace = tenants.get(member.tenantId().value()).name();
        List<HomeFact> facts = overview.facts(
                authentication,
                new AccessDecisions.RequestContext(
                        request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), "", null));
        model.addAttribute(
                "page",
                new HomePage(
                        member.email(),
                        member.role(),
                        workspace,
                        of(facts, HomeFact.Kind.ATTENTION),
                        of(facts, HomeFact.Kind.TODAY)));
        return "console/home";
    }

    private static List<HomeFact> of(List<HomeFact> facts, HomeFact.Kind kind) {
        return facts.stream().filter(fact -> fact.kind() == kind).toList();
    }
}
