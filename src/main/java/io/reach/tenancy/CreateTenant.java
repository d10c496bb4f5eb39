package io.reach.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new tenant. Without a slug, one is made from the name. Settings, quotas and white label
 * default to empty, the configured default quotas, and none. The first owner is named by
 * {@code owner_id} (an existing user, made an owner member) or {@code owner_email} (that account
 * made an owner member, or the address invited as owner).
 */
public record CreateTenant(
        @NotBlank @Size(max = 200) String name,

        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) @Nullable
        String slug,

        @Nullable UUID ownerId,
        @Nullable Map<String, Object> settings,
        @Valid @Nullable TenantQuotas quotas,
        @Valid @Nullable WhiteLabel whiteLabel,

        @Email(regexp = ".+@.+\\..+") @Size(max = 254) @Nullable
        String ownerEmail) {

    /** A tenant without an owner by e-mail (the owner, if any, named by id). */
    public CreateTenant(
            String name,
            @Nullable String slug,
            @Nullable UUID ownerId,
            @Nullable Map<String, Object> settings,
            @Nullable TenantQuotas quotas,
            @Nullable WhiteLabel whiteLabel) {
        this(name, slug, ownerId, settings, quotas, whiteLabel, null);
    }

    /** Surrounding whitespace (any Unicode space) is dropped before validation, so a blank name is caught. */
    public CreateTenant {
        name = name == null ? null : name.strip();
        ownerEmail = ownerEmail == null ? null : ownerEmail.strip();
    }
}
