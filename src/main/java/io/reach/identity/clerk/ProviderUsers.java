package io.reach.identity.clerk;

import io.reach.identity.MemberStandings;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users as an external identity provider (Clerk) describes them, written into {@code identity.users}. */
@Repository
class ProviderUsers {

    private static final String BY_CLERK_ID = "select id from identity.users where clerk_id = :clerkId";
    private static final String BY_EMAIL = """
            select id from identity.users where lower(email) = lower(:email) and clerk_id is null and email_verified""";
    private static final String INSERT = """
            insert into identity.users (id, email, email_verified, email_verified_at, first_name, last_name, username,
                image_url, account_provider, external_id, clerk_id, public_metadata, private_metadata, unsafe_metadata,
                last_sign_in_at, created_at, updated_at, version)
            values (:id, :email, true, :now, :firstName, :lastName, :username, :imageUrl, 'clerk', :externalId, :clerkId,
                :publicMetadata::jsonb, :privateMetadata::jsonb, :unsafeMetadata::jsonb, :lastSignInAt, :createdAt, :now, 0)""";
    private static final String UPDATE = """
            update identity.users set email = :email, first_name = :firstName, last_name = :lastName, username = :username,
                image_url = :imageUrl, external_id = :externalId, clerk_id = :clerkId,
                public_metadata = :publicMetadata::jsonb, private_metadata = :privateMetadata::jsonb,
                unsafe_metadata = :unsafeMetadata::jsonb, last_sign_in_at = :lastSignInAt,
                updated_at = :now, version = version + 1
            where id = :id""";
    private static final String DEACTIVATE = """
            update identity.users set status = 'inactive', updated_at = :now, version = version + 1 where clerk_id = :clerkId
            returning id""";

    private final JdbcClient jdbc;
    private final MemberStandings standings;

    ProviderUsers(JdbcClient jdbc, MemberStandings standings) {
        this.jdbc = jdbc;
        this.standings = standings;
    }

    record ProviderUser(
            String clerkId,
            String email,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String username,
            @Nullable String imageUrl,
            @Nullable String externalId,
            String publicMetadata,
            String privateMetadata,
            String unsafeMetadata,
            @Nullable Instant lastSignInAt,
            Instant createdAt) {}

    /**
     * Creates the user, or updates the one with this Clerk id, or links the verified account with
     * this address that no other Clerk user holds. A suspended account stays suspended.
     */
    UUID upsert(UUID newId, ProviderUser user, Instant now) {
        Optional<UUID> existing = jdbc.sql(BY_CLERK_ID)
                .param("clerkId", user.clerkId())
                .query(UUID.class)
                .optional()
                .or(() -> jdbc.sql(BY_EMAIL)
                        .param("email", user.email())
                        .query(UUID.class)
                        .optional());
        UUID id = existing.orElse(newId);
        jdbc.sql(existing.isPresent() ? UPDATE : INSERT)
                .param("id", id)
                .param("email", user.email())
                .param("firstName", user.firstName())
                .param("lastName", user.lastName())
                .param("username", user.username())
                .param("imageUrl", user.imageUrl())
                .param("externalId", user.externalId())
                .param("clerkId", user.clerkId())
                .param("publicMetadata", user.publicMetadata())
                .param("privateMetadata", user.privateMetadata())
                .param("unsafeMetadata", user.unsafeMetadata())
                .param("lastSignInAt", user.lastSignInAt() == null ? null : UtcTimes.utc(user.lastSignInAt()))
                .param("createdAt", UtcTimes.utc(user.createdAt()))
                .param("now", UtcTimes.utc(now))
                .update();
        standings.userChanged(id);
        return id;
    }

    /** Deactivates the user; their access tokens stop working on this node at once, on others within the cache's lifetime. */
    Optional<UUID> deactivate(String clerkId, Instant now) {
        Optional<UUID> id = jdbc.sql(DEACTIVATE)
                .param("clerkId", clerkId)
                .param("now", UtcTimes.utc(now))
                .query(UUID.class)
                .optional();
        id.ifPresent(standings::userChanged);
        return id;
    }
}
