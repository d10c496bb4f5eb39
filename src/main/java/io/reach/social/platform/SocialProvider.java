package io.reach.social.platform;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One platform's API as Reach uses it: connecting (the OAuth 2 authorization URL with PKCE, the
 * code-for-token exchange, refresh, the profile), publishing (publish, look up, delete), analytics
 * (account metrics, follower lists, top content, audience, a post's engagement) and automation
 * (acting on posts and comments, polling events where the platform sends no webhooks). Each
 * adapter speaks its platform's real HTTP shapes against a configurable base URL; what a platform
 * cannot do keeps the default (empty, or a terminal {@link PlatformError} for actions).
 */
public interface SocialProvider {

    String platform();

    boolean isConfigured();

    /**
     * Whether the catalog lists the platform while it is not configured: a real platform is listed
     * (so admins see what they could set up), a platform that is only a way to try Reach is not.
     */
    default boolean listedWhenNotConfigured() {
        return true;
    }

    URI authorizationUrl(String state, String codeChallenge, String redirectUri);

    Tokens exchange(String code, String codeVerifier, String redirectUri);

    /** New tokens for a refresh token; the answer may or may not carry a new refresh token. */
    Tokens refresh(String refreshToken);

    Profile profile(String accessToken);

    /** Publishes as the account; returns the platform's id for the post. Throws {@link PlatformError}. */
    String publish(Account account, Publication publication);

    /** The id of a post like this one that the account published since {@code since}, if the platform has one. */
    Optional<String> findPublished(Account account, Publication publication, Instant since);

    /** Removes a published post. */
    default void delete(Account account, String platformPostId) {
        throw unsupported("deleting posts");
    }

    /** The account's current counts, where the platform reports them. */
    default Optional<Metrics> metrics(Account account) {
        return Optional.empty();
    }

    /** The account's followers (newest first, as far as the platform lists them), where it lists them. */
    default Optional<List<Follower>> followers(Account account) {
        return Optional.empty();
    }

    /** The account's recent posts with their counts, from which Reach ranks top content. */
    default List<Content> recentContent(Account account, int limit) {
        return List.of();
    }

    /** One published post with its current counts; by default looked up among the recent ones. */
    default Optional<Content> content(Account account, String platformPostId) {
        return recentContent(account, 50).stream()
                .filter(c -> c.platformPostId().equals(platformPostId))
                .findFirst();
    }

    /** The account's audience, where the platform reports it. */
    default Optional<Audience> audience(Account account) {
        return Optional.empty();
    }

    /** Acts as the account: reply, like, send a direct message, repost. Returns the platform's id of what it made. */
    default String act(Account account, Action action) {
        throw unsupported(action.kind() + " actions");
    }

    /** Events since {@code since} for platforms that send no webhooks (new comments, mentions, followers). */
    default List<PolledEvent> poll(Account account, Instant since) {
        return List.of();
    }

    default PlatformError unsupported(String what) {
        return new PlatformError(
                PlatformError.Kind.TERMINAL, null, null, platform() + " does not support " + what + " through Reach");
    }

    /** A connected account as an adapter needs it. */
    record Account(String accessToken, String platformUserId, Map<String, Object> metadata) {

        public Account(String accessToken, String platformUserId) {
            this(accessToken, platformUserId, Map.of());
        }
    }

    record Tokens(
            String accessToken,
            @Nullable String refreshToken,
            @Nullable Instant expiresAt,
            String scopes) {}

    record Profile(
            String platformUserId,
            String handle,
            @Nullable String displayName,
            @Nullable String url,
            Map<String, Object> metadata) {}

    /** Account counts; {@code engagement} is interactions over the platform's last reporting period. */
    record Metrics(
            long followers,
            long following,
            long posts,
            long reach,
            long impressions,
            long engagement,
            long profileViews,
            Map<String, Object> extra) {

        public static Metrics counts(long followers, long following, long posts, Map<String, Object> extra) {
            return new Metrics(followers, following, posts, 0, 0, 0, 0, extra);
        }
    }

    record Follower(
            String userId,
            String username,
            @Nullable String profilePicUrl,
            boolean verified,
            @Nullable Long followerCount) {}

    /** A published post with its counts. {@code mediaType} is photo, video, carousel, reel or text. */
    record Content(
            String platformPostId,
            String url,
            @Nullable String caption,
            @Nullable String mediaType,
            Instant postedAt,
            long likes,
            long comments,
            long shares,
            long saves,
            long reach,
            long impressions) {

        /** (likes + comments + shares + saves) / reach × 100, and 0 when reach is 0. */
        public double engagementRate() {
            return reach == 0 ? 0.0 : (likes + comments + shares + saves) * 100.0 / reach;
        }
    }

    /**
     * Audience shares as counts per bucket ({@code ageRanges} "18-24", {@code genders} "female",
     * {@code countries} ISO codes, {@code cities} names) and activity per hour (0–23) and weekday
     * ("monday") between 0 and 1.
     */
    record Audience(
            LocalDate date,
            Map<String, Long> ageRanges,
            Map<String, Long> genders,
            Map<String, Long> countries,
            Map<String, Long> cities,
            Map<Integer, Double> activeHours,
            Map<String, Double> activeDays) {}

    /**
     * An action: {@code reply} to {@code targetId} (a post or comment) with {@code text}, {@code like}
     * {@code targetId}, {@code dm} {@code recipientId} with {@code text}, {@code repost} {@code targetId}.
     */
    record Action(
            String kind,
            @Nullable String targetId,
            @Nullable String recipientId,
            @Nullable String text) {}

    /** An event found by polling, filed like a webhook delivery. */
    record PolledEvent(String externalId, String type, Map<String, Object> payload) {}
}
