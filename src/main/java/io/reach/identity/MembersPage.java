package io.reach.identity;

import io.reach.identity.access.Roles;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's members page: the workspace's members with their roles (changed here), and the
 * invitations (sent and revoked here). The same {@link AccessControl} and {@link Inviting} as
 * {@code /api/v1/members} and {@code /api/v1/invitations}, so the same rules, quotas and audit.
 */
@Controller
@ConsolePage
@Hidden
public class MembersPage {

    private static final String PATH = "/app/settings/members";
    private static final String EMAIL = ".+@.+\\..+";
    private static final String ROLE = "[a-z0-9_-]{1,64}";

    /** A member as the page lists them. */
    public record MemberRow(UUID id, String email, String name, String role, String status, boolean changeable) {}

    /** An invitation as the page lists it; {@code open} while it can still be accepted or revoked. */
    public record InvitationRow(UUID id, String email, String role, String state, boolean open) {}

    /** What the page shows. */
    public record View(
            List<MemberRow> members,
            @Nullable String nextMembers,
            List<InvitationRow> invitations,
            @Nullable String nextInvitations,
            List<String> roles,
            Map<String, String> errors,
            @Nullable String email,
            @Nullable String role) {}

    private final AccessControl accessControl;
    private final Inviting inviting;
    private final Clock clock;

    MembersPage(AccessControl accessControl, Inviting inviting, Clock clock) {
        this.accessControl = accessControl;
        this.inviting = inviting;
        this.clock = clock;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "members", action = "read")
    String list(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "invitations_cursor", required = false) @Nullable String invitationsCursor,
            Model model) {
        return page(model, member, cursor, invitationsCursor, Map.of(), null, null);
    }

    @PostMapping(path = PATH + "/{id}/role", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "members", action = "write")
    String changeRole(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String role,
            HttpServletRequest http) {
        if (role == null || !role.matches(ROLE)) {
            throw new InvalidRequestException(new io.reach.platform.web.FieldError("role", "Choose a role."));
        }
        accessControl.changeMember(member, id, role, null, RequestOrigins.of(http));
        return "redirect:" + PATH;
    }

    @PostMapping(path = PATH + "/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "members", action = "write")
    String invite(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String role,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String address = email == null ? "" : email.strip();
        if (address.length() > 254 || !address.matches(EMAIL)) {
            errors.put("email", "Enter the e-mail address to invite.");
        }
        if (role == null || !role.matches(ROLE)) {
            errors.put("role", "Choose a role.");
        }
        if (errors.isEmpty() && role != null) {
            try {
                inviting.invite(member, address, role, UserType.MEMBER, RequestOrigins.of(http));
                return "redirect:" + PATH;
            } catch (InvalidRequestException invalid) {
                invalid.errors().forEach(error -> errors.put(error.field(), error.message()));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, member, null, null, errors, email, role);
    }

    @PostMapping(path = PATH + "/invitations/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "members", action = "write")
    String revoke(@SignedInMember UserPrincipal member, @PathVariable UUID id, HttpServletRequest http) {
        inviting.revoke(member, id, RequestOrigins.of(http));
        return "redirect:" + PATH;
    }

    private String page(
            Model model,
            UserPrincipal member,
            @Nullable String cursor,
            @Nullable String invitationsCursor,
            Map<String, String> errors,
            @Nullable String email,
            @Nullable String role) {
        var members = accessControl.members(PageRequest.of(null, cursor));
        var invitations = inviting.list(PageRequest.of(null, invitationsCursor));
        var now = clock.instant();
        model.addAttribute(
                "view",
                new View(
                        members.items().stream()
                                .map(one -> new MemberRow(
                                        one.id(),
                                        one.email(),
                                        one.name() == null ? "" : one.name(),
                                        one.role(),
                                        one.status(),
                                        !one.role().equals(Roles.OWNER)
                                                && !one.userId().equals(member.userId())))
                                .toList(),
                        members.nextCursor(),
                        invitations.items().stream()
                                .map(invitation -> {
                                    String state = invitation.acceptedAt() != null
                                            ? "accepted"
                                            : invitation.revokedAt() != null
                                                    ? "revoked"
                                                    : invitation.expiresAt().isBefore(now) ? "expired" : "pending";
                                    return new InvitationRow(
                                            invitation.id(),
                                            invitation.email(),
                                            invitation.role(),
                                            state,
                                            state.equals("pending"));
                                })
                                .toList(),
                        invitations.nextCursor(),
                        accessControl.roles().stream()
                                .map(Roles.RoleView::name)
                                .filter(name -> !name.equals(Roles.OWNER))
                                .toList(),
                        errors,
                        email,
                        role));
        return "settings/members";
    }
}
