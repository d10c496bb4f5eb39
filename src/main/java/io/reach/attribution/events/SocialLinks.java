package io.reach.attribution.events;

import io.reach.platform.crypto.SealedTokens;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import io.reach.podcasts.Households;
import io.reach.publishing.PostCampaigns;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Tracked links for posts: {@code /s/{token}} leads to the address it was made for and records the
 * click as a touch (channel {@code social}, source {@code social_link}) of the campaign the post's
 * published copies are linked to, with the client's household key. The token is sealed with the
 * installation key and carries the workspace, the post and the address, so it can be neither forged
 * nor turned into an open redirect.
 */
@Service
class SocialLinks {

    static final String PATH = "/s/";
    private static final String PURPOSE = "attribution.social-link";

    private final SealedTokens tokens;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final PostCampaigns posts;
    private final Households households;
    private final EventStore store;
    private final Ids ids;
    private final Clock clock;

    SocialLinks(
            SealedTokens tokens,
            TenantTransactions transactions,
            TenantDirectory tenants,
            PostCampaigns posts,
            Households households,
            EventStore store,
            Ids ids,
            Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.tenants = tenants;
        this.posts = posts;
        this.households = households;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    /** A tracked address for a link in the post, to put in its text before it is published. */
    record Made(UUID postId, String url, String path) {}

    Made make(UUID post, @Nullable String url) {
        if (url == null || url.length() > 2000 || !url.matches("https?://\\S+")) {
            throw new InvalidRequestException(
                    new FieldError("url", "is an http(s) address of at most 2000 characters"));
        }
        try {
            URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidRequestException(new FieldError("url", "is not an address"));
        }
        TenantId tenant = TenantContext.require();
        if (!transactions.inTransaction(() -> posts.exists(post))) {
            throw new NotFoundException("Post", post);
        }
        byte[] address = url.getBytes(StandardCharsets.UTF_8);
        byte[] content = ByteBuffer.allocate(32 + address.length)
                .putLong(tenant.value().getMostSignificantBits())
                .putLong(tenant.value().getLeastSignificantBits())
                .putLong(post.getMostSignificantBits())
                .putLong(post.getLeastSignificantBits())
                .put(address)
                .array();
        return new Made(post, url, PATH + tokens.seal(content, PURPOSE));
    }

    /** Where a token leads, recording the click (when {@code record}); empty when it is not a live link of ours. */
    Optional<String> follow(String token, @Nullable String client, @Nullable String agent, boolean record) {
        Optional<ByteBuffer> content = tokens.open(token, PURPOSE);
        if (content.isEmpty() || content.get().remaining() <= 32) {
            return Optional.empty();
        }
        ByteBuffer bytes = content.get();
        TenantId tenant = TenantId.of(new UUID(bytes.getLong(), bytes.getLong()));
        UUID post = new UUID(bytes.getLong(), bytes.getLong());
        byte[] address = new byte[bytes.remaining()];
        bytes.get(address);
        String url = new String(address, StandardCharsets.UTF_8);
        if (!tenants.isActive(tenant)) {
            return Optional.empty();
        }
        InetAddress from = Households.parse(client);
        if (record) {
            transactions.inTransactionAs(tenant, () -> {
                Instant now = clock.instant();
                IncomingEvent touch = IncomingEvent.touch(
                                now, "social", posts.campaignOf(post).orElse(null))
                        .browser(null, Map.of(), agent)
                        .metadata(Map.of("post_id", post.toString()))
                        .event();
                store.store(
                        List.of(new EventStore.Stored(
                                ids.next(),
                                touch,
                                EventSource.SOCIAL_LINK,
                                from == null ? null : households.keyOf(tenant, from))),
                        now);
            });
        }
        return Optional.of(url);
    }
}
