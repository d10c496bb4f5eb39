package io.reach.contacts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact's place on a list: since when, whether confirmed, whether it left. */
public record ListMember(
        UUID listId,
        UUID contactId,
        MemberStatus status,
        Instant subscribedAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant unsubscribedAt) {}
