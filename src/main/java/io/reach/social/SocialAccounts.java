package io.reach.social;

import static io.reach.platform.time.UtcTimes.instantOrNull;
import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.crypto.SecretBox;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.social.platform.SocialProvider;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's connected accounts and their tokens (encrypted, bound to tenant and account). */
@Repository
class SocialAccounts {

    private static final String UPSERT_ACCOUNT = """
            insert into social.social_accounts (tenant_id, id, user_id, social_channel_id, platform, handle,
                account_display_name, platform_user_id, account_url, follower_count, following_count, is_verified, status,
                metadata, connected_at, created_at, updated_at)
            values (:tenant, :id, :userId, :channelId, :platform, :handle, :displayName, :platformUserId, :url,
                (cast(:metadata as jsonb) ->> 'followers_count')::bigint, (cast(:metadata as jsonb) ->> 'following_count')::bigint,
                coalesce((cast(:metadata as jsonb) ->> 'verified')::boolean, false), 'active',
                :metadata::jsonb, :now, :now, :now)
            on conflict (tenant_id, platform, platform_user_id) do update set handle = excluded.handle,
                follower_count = excluded.follower_count, following_count = excluded.following_count,
                is_verified = excluded.is_verified,
                account_display_name = excluded.account_display_name, account_url = excluded.account_url,
                status = 'active', metadata = excluded.metadata, connected_at = excluded.connected_at,
                updated_at = excluded.updated_at
            returning id""";
    private static final String UPSERT_TOKENS = """
            insert into social.oauth_tokens (tenant_id, id, social_account_id, access_token_enc, refresh_token_enc, scopes,
                expires_at, created_at, updated_at)
            values (:tenant, :id, :accountId, :access, :refresh, :scopes, :expiresAt, :now, :now)
            on conflict (tenant_id, social_account_id) do update set access_token_enc = excluded.access_token_enc,
                refresh_token_enc = coalesce(excluded.refresh_token_enc, social.oauth_tokens.refresh_token_enc),
                scopes = excluded.scopes, expires_at = excluded.expires_at, updated_at = excluded.updated_at""";
    private static final String COLUMNS = """
            a.id, a.platform, a.handle, a.account_display_name, a.platform_user_id, a.account_url, a.follower_count,
            a.following_count, a.is_verified, a.status, a.metadata::text as metadata, a.last_sync_at, a.connected_at,
            a.user_id, t.expires_at as token_expires_at, t.scopes""";
    private static final String LIST = "select " + COLUMNS + """
             from social.social_accounts a left join social.oauth_tokens t
              on t.tenant_id = a.tenant_id and t.social_account_id = a.id
            where a.id > :after order by a.id limit :limit""";
    private static final String FIND = "select " + COLUMNS + """
             from social.social_accounts a left join social.oauth_tokens t
              on t.tenant_id = a.tenant_id and t.social_account_id = a.id
            where a.id = :id""";
    private static final String DUE = """
            select a.id, a.platform, t.refresh_token_enc from social.social_accounts a
            join social.oauth_tokens t on t.tenant_id = a.tenant_id and t.social_account_id = a.id
            where a.status = 'active' and t.refresh_token_enc is not null and t.expires_at < :before""";
    private static final String CREDENTIALS = """
            select a.platform, a.platform_user_id, a.status, a.metadata::text as metadata, t.access_token_enc,
                   t.refresh_token_enc, t.expires_at
            from social.social_accounts a join social.oauth_tokens t on t.tenant_id = a.tenant_id and t.social_account_id = a.id
            where a.id = :id""";
    private static final String NEEDS_REVIEW = """
            update social.social_accounts set status = 'needs_review', updated_at = :now where id = :id""";
    private static final String DISCONNECT = """
            update social.social_accounts set status = 'disconnected', updated_at = :now where id = :id""";
    private static final String ROUTE = """
            insert into social.account_routes (platform, platform_user_id, tenant_id, social_account_id)
            values (:platform, :platformUserId, :tenant, :id)
            on conflict (platform, platform_user_id, tenant_id) do update set social_account_id = excluded.social_account_id""";
    private static final String UNROUTE = """
            delete from social.account_routes where tenant_id = :tenant and social_account_id = :id""";
    private static final String DROP_TOKENS = "delete from social.oauth_tokens where social_account_id = :id";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final JsonMapper json;
    private final Ids ids;

    SocialAccounts(JdbcClient jdbc, SecretBox box, JsonMapper json, Ids ids) {
        this.jdbc = jdbc;
        this.box = box;
        this.json = json;
        this.ids = ids;
    }

    /** What the API shows of an account: never its tokens, only when they expire. */
    record AccountView(
            UUID id,
            String platform,
            String handle,
            @Nullable String accountDisplayName,
            String platformUserId,
            @Nullable String accountUrl,
            @Nullable Long followerCount,
            @Nullable Long followingCount,
            boolean isVerified,
            String status,
            JsonNode metadata,
            @Nullable Instant lastSyncAt,
            Instant connectedAt,
            @Nullable UUID userId,
            @Nullable Instant tokenExpiresAt,
            @Nullable String scopes) {}

    /** Stores (or reconnects) the account and its tokens; a refresh token the platform did not replace is kept. */
    UUID connect(
            UUID userId,
            SocialChannel channel,
            SocialProvider.Profile profile,
            SocialProvider.Tokens tokens,
            Instant now) {
        UUID tenant = TenantContext.require().value();
        UUID id = jdbc.sql(UPSERT_ACCOUNT)
                .param("tenant", tenant)
                .param("id", ids.next())
                .param("userId", userId)
                .param("channelId", channel.id())
                .param("platform", channel.channelName())
                .param("handle", profile.handle())
                .param("displayName", profile.displayName())
                .param("platformUserId", profile.platformUserId())
                .param("url", profile.url())
                .param("metadata", json.writeValueAsString(profile.metadata()))
                .param("now", utc(now))
                .query(UUID.class)
                .single();
        storeTokens(id, tokens, now);
        jdbc.sql(ROUTE)
                .param("platform", channel.channelName())
                .param("platformUserId", profile.platformUserId())
                .param("tenant", tenant)
                .param("id", id)
                .update();
        return id;
    }

    List<AccountView> page(UUID after, int limit) {
        return jdbc.sql(LIST)
                .param("after", after)
                .param("limit", limit)
                .query(this::view)
                .list();
    }

    Optional<AccountView> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(this::view).optional();
    }

    /** An active account whose access token expires before {@code before}, with its refresh token. */
    record DueRefresh(UUID id, String platform, String refreshToken) {}

    List<DueRefresh> dueForRefresh(Instant before) {
        UUID tenant = TenantContext.require().value();
        return jdbc.sql(DUE)
                .param("before", utc(before))
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new DueRefresh(
                            id,
                            rs.getString("platform"),
                            new String(box.decrypt(
                                    rs.getBytes("refresh_token_enc"), associatedData(tenant, id) + ":refresh")));
                })
                .list();
    }

    /** Stores refreshed tokens; a refresh token the platform did not replace is kept. */
    void storeTokens(UUID accountId, SocialProvider.Tokens tokens, Instant now) {
        UUID tenant = TenantContext.require().value();
        String associated = associatedData(tenant, accountId);
        jdbc.sql(UPSERT_TOKENS)
                .param("tenant", tenant)
                .param("id", ids.next())
                .param("accountId", accountId)
                .param("access", box.encrypt(tokens.accessToken().getBytes(), associated + ":access"))
                .param(
                        "refresh",
                        tokens.refreshToken() == null
                                ? null
                                : box.encrypt(tokens.refreshToken().getBytes(), associated + ":refresh"))
                .param("scopes", tokens.scopes())
                .param("expiresAt", tokens.expiresAt() == null ? null : utc(tokens.expiresAt()))
                .param("now", utc(now))
                .update();
    }

    /** What calling the platform as an account needs: its platform id, its status and its tokens (decrypted). */
    record Credentials(
            UUID id,
            String platform,
            String platformUserId,
            String status,
            String accessToken,
            @Nullable String refreshToken,
            @Nullable Instant expiresAt,
            java.util.Map<String, Object> metadata) {

        SocialProvider.Account account() {
            return new SocialProvider.Account(accessToken, platformUserId, metadata);
        }

        Credentials renewed(SocialProvider.Tokens tokens) {
            return new Credentials(
                    id,
                    platform,
                    platformUserId,
                    status,
                    tokens.accessToken(),
                    tokens.refreshToken() == null ? refreshToken : tokens.refreshToken(),
                    tokens.expiresAt(),
                    metadata);
        }
    }

    Optional<Credentials> credentials(UUID id) {
        return credentials(id, CREDENTIALS);
    }

    /** The credentials, with the token row locked until the transaction ends (one renewal at a time). */
    Optional<Credentials> lockedCredentials(UUID id) {
        return credentials(id, CREDENTIALS + " for update of t");
    }

    private Optional<Credentials> credentials(UUID id, String query) {
        UUID tenant = TenantContext.require().value();
        String associated = associatedData(tenant, id);
        return jdbc.sql(query)
                .param("id", id)
                .query((rs, row) -> new Credentials(
                        id,
                        rs.getString("platform"),
                        rs.getString("platform_user_id"),
                        rs.getString("status"),
                        new String(box.decrypt(rs.getBytes("access_token_enc"), associated + ":access")),
                        rs.getBytes("refresh_token_enc") == null
                                ? null
                                : new String(box.decrypt(rs.getBytes("refresh_token_enc"), associated + ":refresh")),
                        instantOrNull(rs.getObject("expires_at", OffsetDateTime.class)),
                        metadataOf(rs.getString("metadata"))))
                .optional();
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, Object> metadataOf(String metadata) {
        return json.readValue(metadata, java.util.Map.class);
    }

    /** Notes a sync of an account whose platform gives no counts (a metrics snapshot notes it otherwise). */
    int markSynced(UUID id, Instant now) {
        return jdbc.sql("update social.social_accounts set last_sync_at = :now where id = :id")
                .param("id", id)
                .param("now", utc(now))
                .update();
    }

    int setSyncInterval(UUID id, @Nullable Integer minutes, Instant now) {
        return jdbc.sql(
                        "update social.social_accounts set sync_interval_minutes = :minutes, updated_at = :now where id = :id")
                .param("id", id)
                .param("minutes", minutes)
                .param("now", utc(now))
                .update();
    }

    void markNeedsReview(UUID id, Instant now) {
        jdbc.sql(NEEDS_REVIEW).param("id", id).param("now", utc(now)).update();
    }

    boolean disconnect(UUID id, Instant now) {
        jdbc.sql(DROP_TOKENS).param("id", id).update();
        jdbc.sql(UNROUTE)
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .update();
        return jdbc.sql(DISCONNECT).param("id", id).param("now", utc(now)).update() == 1;
    }

    private AccountView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AccountView(
                rs.getObject("id", UUID.class),
                rs.getString("platform"),
                rs.getString("handle"),
                rs.getString("account_display_name"),
                rs.getString("platform_user_id"),
                rs.getString("account_url"),
                rs.getObject("follower_count", Long.class),
                rs.getObject("following_count", Long.class),
                rs.getBoolean("is_verified"),
                rs.getString("status"),
                json.readTree(rs.getString("metadata")),
                instantOrNull(rs.getObject("last_sync_at", OffsetDateTime.class)),
                rs.getObject("connected_at", OffsetDateTime.class).toInstant(),
                rs.getObject("user_id", UUID.class),
                instantOrNull(rs.getObject("token_expires_at", OffsetDateTime.class)),
                rs.getString("scopes"));
    }

    static String associatedData(UUID tenant, UUID account) {
        return "social.oauth_tokens:" + tenant + ":" + account;
    }
}
