package io.reach.social;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.social.platform.PlatformAdapters;
import io.reach.social.platform.SocialProvider;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Connecting an account: start (a sealed state with a PKCE verifier, and the platform's
 * authorization URL), then the platform's callback (code for tokens, then the profile); the
 * account and its encrypted tokens are stored in the tenant the state names.
 */
@Service
class AccountConnections {

    private final PlatformAdapters adapters;
    private final SocialChannels channels;
    private final SocialAccounts accounts;
    private final ConnectionStates states;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final AccountSeats seats;

    AccountConnections(
            PlatformAdapters adapters,
            SocialChannels channels,
            SocialAccounts accounts,
            ConnectionStates states,
            AuditTrail audit,
            TenantTransactions transactions,
            PublicUrl publicUrl,
            Clock clock,
            AccountSeats seats) {
        this.seats = seats;
        this.adapters = adapters;
        this.channels = channels;
        this.accounts = accounts;
        this.states = states;
        this.audit = audit;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Where the platform sends the browser back: read per connection, since the default names the port the server listens on. */
    private String redirectUri() {
        return publicUrl.base() + "/api/v1/social/accounts/callback";
    }

    /** A connection started: where to send the browser, and the cookie that browser must bring back. */
    record Started(URI authorizationUrl, String bindingCookie, String bindingSecret) {}

    Started start(TenantId tenant, UUID userId, String platform) {
        SocialProvider provider = provider(platform);
        ConnectionStates.Started started = states.seal(tenant.value(), userId, platform);
        return new Started(
                provider.authorizationUrl(started.state(), started.codeChallenge(), redirectUri()),
                started.bindingCookie(),
                started.bindingSecret());
    }

    /** The account connected, and the binding cookie that is now spent. */
    record Connected(SocialAccounts.AccountView account, String bindingCookie) {}

    /**
     * Finishes a connection, only in the browser that started it ({@code cookies} hold its binding
     * secret) and only once: the state is spent before the code is exchanged.
     */
    Connected complete(String code, String state, Map<String, String> cookies) {
        ConnectionStates.Pending pending = states.open(state)
                .orElseThrow(() -> new Problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid connection state",
                        "The connection was not started here, or it took longer than 10 minutes"));
        if (!pending.isBoundTo(cookies.get(pending.bindingCookie()))) {
            throw new Problem(
                    HttpStatus.BAD_REQUEST,
                    "Connection started elsewhere",
                    "Finish connecting in the browser that started it (start again there)");
        }
        SocialProvider provider = provider(pending.platform());
        if (!transactions.inTransactionAs(TenantId.of(pending.tenantId()), () -> states.spend(pending))) {
            throw new Problem(
                    HttpStatus.BAD_REQUEST,
                    "Connection state already used",
                    "Each connection can be finished once; start connecting again");
        }
        SocialProvider.Tokens tokens = provider.exchange(code, pending.codeVerifier(), redirectUri());
        SocialProvider.Profile profile = provider.profile(tokens.accessToken());
        SocialChannel channel = channels.byName(pending.platform()).orElseThrow();
        TenantId tenant = TenantId.of(pending.tenantId());
        return new Connected(
                transactions.inTransactionAs(tenant, () -> {
                    seats.admit(channel.channelName(), profile.platformUserId());
                    UUID id = accounts.connect(pending.userId(), channel, profile, tokens, clock.instant());
                    audit.record(
                            tenant,
                            AuditEntry.byUser(pending.userId(), "social_account.connected")
                                    .on("social_account", id, "social.social_accounts")
                                    .values(Map.of("platform", pending.platform(), "handle", profile.handle())));
                    return accounts.find(id).orElseThrow();
                }),
                pending.bindingCookie());
    }

    /** The workspace's connected accounts, tokens never shown. */
    CursorPage<SocialAccounts.AccountView> accounts(PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                accounts.page(page.afterOrStart(), page.fetchSize()), page, SocialAccounts.AccountView::id));
    }

    SocialAccounts.AccountView account(UUID id) {
        return transactions.inTransaction(() -> accounts.find(id).orElseThrow(() -> SocialAccountNotFound.forId(id)));
    }

    /** Disconnects an account and deletes its tokens. */
    void disconnect(UUID id) {
        if (!transactions.inTransaction(() -> accounts.disconnect(id, clock.instant()))) {
            throw SocialAccountNotFound.forId(id);
        }
    }

    private SocialProvider provider(String platform) {
        SocialProvider provider =
                adapters.any(platform).orElseThrow(() -> PlatformAdapterNotFound.forPlatform(platform));
        if (!provider.isConfigured()) {
            throw new Problem(
                    HttpStatus.CONFLICT,
                    "Platform not configured",
                    "Set the client id and secret of " + platform + " (reach.social." + platform + ".*) first");
        }
        return provider;
    }

    private static final class Problem extends ApiException {
        Problem(HttpStatus status, String title, String detail) {
            super(status, title, detail);
        }
    }
}
