package io.reach.contacts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One record of what a contact agreed to or withdrew: the channel, the list (null: the channel as a
 * whole), the purpose in words, how (a form, an import, a double opt-in confirmation…), from where
 * and when, and which member recorded it (null when the contact did). The action is granted or withdrawn.
 */
public record Consent(
        UUID id,
        UUID contactId,
        ContactChannel channel,
        @Nullable UUID listId,
        String purpose,
        ConsentAction action,
        ConsentMethod method,
        @Nullable String ipAddress,
        @Nullable String userAgent,
        @Nullable UUID recordedBy,
        Instant recordedAt) {}
