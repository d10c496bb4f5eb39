package io.reach.console;

import io.reach.identity.PersonWorkspaces;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.Shell;
import io.reach.platform.security.AccessDecisions;
import io.reach.tenancy.TenantManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every {@link ConsolePage} view its {@link Shell}: the signed-in person, their workspaces for
 * the switcher and the navigation links their permissions allow (asked of the same decision point as
 * the pages themselves, so a link is shown exactly when its page would open).
 */
@ControllerAdvice(annotations = ConsolePage.class)
class ShellAdvice {

    private final List<ConsoleLink> links;
    private final AccessDecisions decisions;
    private final PersonWorkspaces workspaces;
    private final TenantManagement tenants;

    ShellAdvice(
            List<ConsoleLink> links, AccessDecisions decisions, PersonWorkspaces workspaces, TenantManagement tenants) {
        this.links = links;
        this.decisions = decisions;
        this.workspaces = workspaces;
        this.tenants = tenants;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request, CsrfToken csrf) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof UserPrincipal person)) {
            return Shell.anonymous(csrf);
        }
        String agent = request.getHeader("User-Agent");
        var context = new AccessDecisions.RequestContext(
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteAddr(),
                agent == null ? "" : agent,
                null);
        var held = decisions.held(
                authentication,
                links.stream()
                        .map(link -> link.resource() + ":" + link.action())
                        .collect(Collectors.toSet()),
                context);
        List<ConsoleLink> allowed = links.stream()
                .filter(link -> ConsoleLink.PLATFORM.equals(link.resource())
                        ? person.isPlatformAdmin()
                        : held.contains(link.resource() + ":" + link.action()))
                .toList();
        UUID current = person.tenantId().value();
        List<Shell.Workspace> choices = workspaces.of(person.userId()).stream()
                .map(id -> new Shell.Workspace(id, tenants.get(id).name(), id.equals(current)))
                .toList();
        return new Shell(person.email(), choices, Shell.navigation(allowed, request.getRequestURI()), csrf);
    }
}
