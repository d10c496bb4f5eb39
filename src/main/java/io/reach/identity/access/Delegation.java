package io.reach.identity.access;

import io.reach.identity.ApiKeyPrincipal;
import io.reach.identity.UserPrincipal;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Nobody hands out more than they hold: a role given (to a member, an invitee, an extra role), a
 * custom role made, or an API key's scopes must be within the caller's own permissions. The
 * owner role is never handed out this way.
 */
@Component
public class Delegation {

    private final Roles roles;

    Delegation(Roles roles) {
        this.roles = roles;
    }

    Set<String> permissionsOf(@Nullable Object principal) {
        return switch (principal) {
            case UserPrincipal user -> roles.permissionsOf(user.role(), user.userId());
            case ApiKeyPrincipal key -> {
                Set<String> scoped = expand(key.scopes());
                scoped.retainAll(roles.memberRole(key.createdBy())
                        .map(role -> roles.permissionsOf(role, key.createdBy()))
                        .orElse(Set.of()));
                yield scoped;
            }
            case null, default -> Set.of();
        };
    }

    /** Every catalog permission the scopes match. */
    public Set<String> expand(Collection<String> scopes) {
        return roles.catalog().stream()
                .filter(p -> Scopes.grants(scopes, p.resourceType(), p.action()))
                .map(Roles.Permission::key)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Each scope must name at least one permission of the catalog ({@code campaign:write} is a typo, not a scope). */
    public void requireReal(List<String> scopes) {
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            if (expand(List.of(scopes.get(i))).isEmpty()) {
                unknown.add(new FieldError("scopes[" + i + "]", "names no permission (" + scopes.get(i) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("Unknown scopes", unknown);
        }
    }

    public void requireWithin(@Nullable Object principal, Collection<String> permissions) {
        Set<String> held = permissionsOf(principal);
        Set<String> beyond = new HashSet<>(permissions);
        beyond.removeAll(held);
        if (!beyond.isEmpty()) {
            throw new Refused("You cannot give permissions you do not hold: "
                    + String.join(", ", beyond.stream().sorted().toList()));
        }
    }

    public void requireMayGiveRole(@Nullable Object principal, String role) {
        if (role.equals(Roles.OWNER)) {
            throw new Refused("The owner role is not handed out this way");
        }
        requireWithin(principal, roles.grantsOfRole(role));
    }

    private static final class Refused extends ApiException {
        Refused(String detail) {
            super(HttpStatus.FORBIDDEN, "Beyond your permissions", detail);
        }
    }
}
