package io.reach.contacts;

import io.reach.platform.crypto.SealedTokens;
import io.reach.platform.tenant.TenantId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The tokens in the links Reach gives contacts and their forms: confirming a double opt-in
 * subscription (tenant, list, contact, until when), a public list's hosted form (tenant, list) and a
 * contact's preference centre (tenant, contact). Each is sealed for its own purpose, so one cannot
 * be used as another, and names its tenant, so it can never reach another workspace.
 */
@Component
class ContactLinks {

    private final SealedTokens tokens;

    ContactLinks(SealedTokens tokens) {
        this.tokens = tokens;
    }

    /** A link's target: the workspace, and a list and/or a contact (nil when the kind has none). */
    record Target(TenantId tenant, UUID list, UUID contact, Instant until) {}

    enum Kind {
        CONFIRM("contacts.confirm.v1"),
        FORM("contacts.form.v1"),
        PREFERENCES("contacts.preferences.v1");

        private final String purpose;

        Kind(String purpose) {
            this.purpose = purpose;
        }
    }

    String seal(Kind kind, Target target) {
        ByteBuffer plain = ByteBuffer.allocate(56)
                .putLong(target.tenant().value().getMostSignificantBits())
                .putLong(target.tenant().value().getLeastSignificantBits())
                .putLong(target.list().getMostSignificantBits())
                .putLong(target.list().getLeastSignificantBits())
                .putLong(target.contact().getMostSignificantBits())
                .putLong(target.contact().getLeastSignificantBits())
                .putLong(target.until().getEpochSecond());
        return tokens.seal(plain.array(), kind.purpose);
    }

    /** The path of a contact's preference centre; its link does not run out. */
    String preferencesPath(TenantId tenant, UUID contact) {
        return "/preferences/" + seal(Kind.PREFERENCES, new Target(tenant, NONE, contact, Instant.MAX));
    }

    /** The target of a token of this kind that has not run out at {@code now}; empty otherwise. */
    Optional<Target> open(Kind kind, String token, Instant now) {
        return tokens.open(token, kind.purpose).flatMap(plain -> {
            try {
                Target target = new Target(
                        TenantId.of(new UUID(plain.getLong(), plain.getLong())),
                        new UUID(plain.getLong(), plain.getLong()),
                        new UUID(plain.getLong(), plain.getLong()),
                        Instant.ofEpochSecond(plain.getLong()));
                return target.until().isAfter(now) ? Optional.of(target) : Optional.empty();
            } catch (BufferUnderflowException | IllegalArgumentException short_) {
                return Optional.empty();
            }
        });
    }

    static final UUID NONE = new UUID(0, 0);
}
