package io.reach.platform.security;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Secrets that say which tenant they belong to: {@code <prefix><tenant, base64url>_<256 random bits>}.
 * The tenant part lets the secret be looked up under row-level security before anything else
 * is known; a secret's SHA-256 is what is stored (public keys, such as site keys, are stored whole).
 */
public final class TenantRoutedTokens {

    private static final int TENANT_CHARS = 22;

    private TenantRoutedTokens() {}

    public static String issue(String prefix, UUID tenant) {
        ByteBuffer bytes = ByteBuffer.allocate(16)
                .putLong(tenant.getMostSignificantBits())
                .putLong(tenant.getLeastSignificantBits());
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()) + "_"
                + TokenHashes.newToken("");
    }

    public static Optional<UUID> tenantOf(String prefix, String token) {
        if (!token.startsWith(prefix) || token.length() < prefix.length() + TENANT_CHARS + 1) {
            return Optional.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(
                    Base64.getUrlDecoder().decode(token.substring(prefix.length(), prefix.length() + TENANT_CHARS)));
            return Optional.of(new UUID(bytes.getLong(), bytes.getLong()));
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    /** The start of a token that may be shown again: the prefix, the tenant part and six characters of the secret. */
    public static String visiblePrefix(String prefix, String token) {
        return token.substring(0, prefix.length() + TENANT_CHARS + 1 + 6);
    }
}
