package io.reach.social.platform.sandbox;

import io.reach.social.Publication;
import io.reach.social.platform.SocialProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sandbox platform ({@code reach.social.sandbox.enabled}, off by default, on in the demo): a channel that needs
 * no developer app. Its authorization step is local: the "authorization URL" is Reach's own
 * callback with a fresh code, so the usual connect flow (state, binding cookie, callback) completes
 * at once. Publishing acknowledges the post with an id that carries its publication time; its
 * counts are derived from that id and the post's age ({@link SandboxNumbers}), so they are the same
 * whenever they are read and grow as the post gets older. The last posts of each account are kept
 * in memory ({@link SandboxPosts}) for top content and look-ups.
 */
@Component
class SandboxProvider implements SocialProvider {

    private static final String ACCESS_PREFIX = "sandbox-access.";
    private static final String REFRESH_PREFIX = "sandbox-refresh.";

    private final boolean enabled;
    private final Clock clock;
    private final SandboxPosts posts = new SandboxPosts();

    SandboxProvider(@Value("${reach.social.sandbox.enabled:${reach.demo:false}}") boolean enabled, Clock clock) {
        this.enabled = enabled;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return "sandbox";
    }

    @Override
    public boolean isConfigured() {
        return enabled;
    }

    /** Not even listed in the catalog unless enabled: it is a way to try Reach, not a platform to set up. */
    @Override
    public boolean listedWhenNotConfigured() {
        return false;
    }

    /** Straight back to Reach's callback with a new code: nobody has to consent on another site. */
    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        String code = UUID.randomUUID().toString().replace("-", "");
        return URI.create(redirectUri + "?code=" + code + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    /** Each code is a sandbox user of its own; the tokens only name that user and never expire. */
    @Override
    public Tokens exchange(String code, String codeVerifier, String redirectUri) {
        String user = SandboxNumbers.userId(code);
        return new Tokens(ACCESS_PREFIX + user, REFRESH_PREFIX + user, null, "publish analytics");
    }

    @Override
    public Tokens refresh(String refreshToken) {
        String user = refreshToken.startsWith(REFRESH_PREFIX)
                ? refreshToken.substring(REFRESH_PREFIX.length())
                : SandboxNumbers.userId(refreshToken);
        return new Tokens(ACCESS_PREFIX + user, REFRESH_PREFIX + user, null, "publish analytics");
    }

    @Override
    public Profile profile(String accessToken) {
        String user = accessToken.startsWith(ACCESS_PREFIX)
                ? accessToken.substring(ACCESS_PREFIX.length())
                : SandboxNumbers.userId(accessToken);
        String handle = "sandbox_" + user.substring(0, 6);
        return new Profile(user, handle, "Sandbox account " + user.substring(0, 6), null, Map.of("sandbox", true));
    }

    @Override
    public String publish(Account account, Publication publication) {
        Instant now = clock.instant();
        String id = SandboxNumbers.postId(now);
        posts.add(account.platformUserId(), new SandboxPosts.Post(id, publication.text(), mediaType(publication), now));
        return id;
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        return posts.find(account.platformUserId(), publication.text(), since);
    }

    @Override
    public void delete(Account account, String platformPostId) {
        posts.remove(account.platformUserId(), platformPostId);
    }

    @Override
    public Optional<Metrics> metrics(Account account) {
        return Optional.of(SandboxNumbers.metrics(
                account.platformUserId(), posts.count(account.platformUserId()), clock.instant()));
    }

    @Override
    public List<Content> recentContent(Account account, int limit) {
        Instant now = clock.instant();
        return posts.recent(account.platformUserId(), limit).stream()
                .map(p -> SandboxNumbers.content(p.id(), p.text(), p.mediaType(), p.postedAt(), now))
                .toList();
    }

    /** Any sandbox post id, kept in memory or not (after a restart), carries what its counts are made of. */
    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        Instant now = clock.instant();
        return SandboxNumbers.postedAt(platformPostId)
                .map(at -> SandboxNumbers.content(platformPostId, null, null, at, now));
    }

    @Override
    public Optional<Audience> audience(Account account) {
        return Optional.of(SandboxNumbers.audience(account.platformUserId(), clock.instant()));
    }

    /** Replies, likes, messages and reposts are acknowledged like posts: nothing leaves Reach. */
    @Override
    public String act(Account account, Action action) {
        return SandboxNumbers.postId(clock.instant());
    }

    private static String mediaType(Publication publication) {
        if (publication.media().isEmpty()) {
            return "text";
        }
        if (publication.media().size() > 1) {
            return "carousel";
        }
        return publication.hasVideo() ? "video" : "photo";
    }
}
