package io.reach.console;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.HomeFact;
import io.reach.platform.console.HomeFacts;
import io.reach.platform.security.AccessDecisions;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.tenancy.TenantManagement;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's home: what needs attention in the workspace and today's key numbers, each fact
 * from the module that owns it ({@link HomeFacts}), shown only to people allowed to read it.
 */
@Controller
@ConsolePage
@Hidden
class HomeController {

    private final TenantManagement tenants;
    private final List<HomeFacts> sources;
    private final AccessDecisions decisions;
    private final TenantTransactions transactions;

    HomeController(
            TenantManagement tenants,
            List<HomeFacts> sources,
            AccessDecisions decisions,
            TenantTransactions transactions) {
        this.tenants = tenants;
        this.sources = sources;
        this.decisions = decisions;
        this.transactions = transactions;
    }

    @GetMapping("/")
    String home(@SignedInMember UserPrincipal member, HttpServletRequest request, Model model) {
        String workspace = tenants.get(member.tenantId().value()).name();
        List<HomeFact> facts = readable(request).stream()
                .flatMap(source -> transactions.inTransaction(source::facts).stream())
                .toList();
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

    private List<HomeFacts> readable(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return List.of();
        }
        var held = decisions.held(
                authentication,
                sources.stream().map(HomeController::permission).collect(Collectors.toSet()),
                new AccessDecisions.RequestContext(
                        request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), "", null));
        return sources.stream()
                .filter(source -> held.contains(permission(source)))
                .toList();
    }

    private static String permission(HomeFacts source) {
        return source.resource() + ":" + source.action();
    }

    private static List<HomeFact> of(List<HomeFact> facts, HomeFact.Kind kind) {
        return facts.stream().filter(fact -> fact.kind() == kind).toList();
    }
}
