package io.reach.console;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.tenancy.TenantManagement;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home: who is signed in, in which workspace. */
@Controller
@ConsolePage
@Hidden
class HomeController {

    private final TenantManagement tenants;

    HomeController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/")
    String home(@SignedInMember UserPrincipal member, Model model) {
        String workspace = tenants.get(member.tenantId().value()).name();
        model.addAttribute("page", new HomePage(member.email(), member.role(), workspace));
        return "console/home";
    }
}
