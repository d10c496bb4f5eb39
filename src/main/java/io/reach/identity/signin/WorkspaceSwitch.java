package io.reach.identity.signin;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's workspace switcher: the session continues in another of the person's workspaces. */
@Controller
@Hidden
class WorkspaceSwitch {

    private final ConsoleSessions sessions;

    WorkspaceSwitch(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(path = "/app/workspace", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String switchTo(
            @SignedInMember UserPrincipal person,
            @RequestParam(name = "tenant_id", required = false) @Nullable String tenantId,
            HttpServletRequest request) {
        UUID target;
        try {
            target = UUID.fromString(tenantId == null ? "" : tenantId);
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidRequestException(new FieldError("tenant_id", "Choose one of your workspaces."));
        }
        sessions.switchTo(request, person, target);
        return "redirect:/";
    }
}
