package io.reach.identity.signin;

import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.identity.IdentityProperties;
import io.reach.identity.UserAccount;
import io.reach.identity.UserPrincipal;
import io.reach.platform.mail.Mailer;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Consent to sign in to an existing account through an identity provider, per provider and
 * subject: either the account's user starts the link while signed in, or they follow the link
 * mailed to them when someone signed in at the provider with their address. Without one of the
 * two, a provider's say-so about an address opens nobody's account.
 */
@Service
class IdentityLinking {

    static final Duration MAILED_TTL = Duration.ofHours(1);
    static final Duration STARTED_TTL = Duration.ofMinutes(10);

    private final ExternalIdentities identities;
    private final UserAccounts users;
    private final RefreshTokens refreshTokens;
    private final SignInThrottle throttle;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final Clock clock;

    private final PublicUrl publicUrl;

    IdentityLinking(
            PublicUrl publicUrl,
            ExternalIdentities identities,
            UserAccounts users,
            RefreshTokens refreshTokens,
            SignInThrottle throttle,
            Mailer mailer,
            AuditTrail audit,
            TenantTransactions transactions,
            IdentityProperties properties,
            Clock clock) {
        this.publicUrl = publicUrl;
        this.identities = identities;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.mailer = mailer;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** A signed-in user starts linking an identity at {@code provider}; the token rides on the sign-in's start URL. */
    String start(UserPrincipal user, String provider, RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            String token = identities.request(user.userId(), provider, null, STARTED_TTL, clock.instant());
            audit.record(
                    TenantId.PLATFORM,
                    new SecurityEvent(
                            user.userId(),
                            "identity_link.started",
                            Severity.LOW,
                            Map.of("provider", provider),
                            origin));
            return token;
        });
    }

    /** Completes a link the signed-in user started, with the identity the provider vouched for; answers the user. */
    UUID completeStarted(String token, OidcAccounts.ProviderIdentity identity, RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            UUID userId = identities
                    .consumeStarted(token, identity.provider(), now)
                    .orElseThrow(() -> new LinkProblem(
                            HttpStatus.FORBIDDEN,
                            "The link to this sign-in is unknown, used, expired or for another provider"));
            link(new ExternalIdentities.Link(userId, identity.provider(), identity.subject()), origin);
            users.findById(userId)
                    .ifPresent(user -> mailer.send(
                            user.email(), "A new way to sign in to Reach", """
                    Signing in with %s now opens your Reach account (you linked it while signed in).

                    If it was not you, reset your password and tell your workspace's owner.
                    """.formatted(identity.provider())));
            return userId;
        });
    }

    /**
     * Someone proved {@code user}'s address at a provider: mail the user a link that lets this
     * identity in, and tell the caller to wait for it.
     */
    ApiException askByMail(UserAccount user, OidcAccounts.ProviderIdentity identity, RequestOrigin origin) {
        throttle.mailing(user.email(), origin);
        transactions.inTransaction(() -> {
            String token =
                    identities.request(user.id(), identity.provider(), identity.subject(), MAILED_TTL, clock.instant());
            mailer.send(user.email(), "Allow signing in to Reach with " + identity.provider(), """
                    Someone signed in with %s using your e-mail address and asked to open your Reach account with it.

                    If it was you, allow it by opening this link, then sign in with %s again:
                    %s/link-identity?token=%s

                    Or send this token to POST /api/v1/auth/identity-links/confirm: %s

                    The link works once and expires in %d minutes. If it was not you, ignore this mail:
                    without it, nobody gets into your account that way.
                    """.formatted(
                    identity.provider(), identity.provider(), publicUrl.base(), token, token, MAILED_TTL.toMinutes()));
            audit.record(
                    TenantId.PLATFORM,
                    new SecurityEvent(
                            user.id(),
                            "identity_link.mailed",
                            Severity.MEDIUM,
                            Map.of("provider", identity.provider()),
                            origin));
        });
        return new LinkProblem(
                HttpStatus.FORBIDDEN, "Confirm the new sign-in by mail", """
                An account with this e-mail address exists. We sent it a mail: follow its link to allow signing in \
                with %s, then sign in again.""".formatted(identity.provider()));
    }

    /**
     * The user followed the mailed link: the identity is theirs from now on. An address nobody had
     * proved before is proved now, and what its unproved owner set up (password, sessions) goes.
     */
    void confirm(String token, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            ExternalIdentities.Link link =
                    identities.consumeMailed(token, now).orElseThrow(IdentityProblems::invalidToken);
            link(link, origin);
            users.findById(link.userId()).filter(user -> !user.emailVerified()).ifPresent(user -> {
                users.proveAddressForProviderSignIn(user.id(), now);
                refreshTokens.revokeAllOf(user.id(), now);
            });
        });
    }

    private void link(ExternalIdentities.Link link, RequestOrigin origin) {
        identities
                .userOf(link.provider(), link.subject())
                .filter(holder -> !holder.equals(link.userId()))
                .ifPresent(holder -> {
                    throw new LinkProblem(HttpStatus.CONFLICT, "This sign-in opens another account already");
                });
        identities.link(link, clock.instant());
        audit.record(
                TenantId.PLATFORM,
                new SecurityEvent(
                        link.userId(),
                        "identity_link.linked",
                        Severity.MEDIUM,
                        Map.of("provider", link.provider()),
                        origin));
    }

    private static final class LinkProblem extends ApiException {
        LinkProblem(HttpStatus status, String detail) {
            this(
                    status,
                    status == HttpStatus.CONFLICT ? "Identity already linked" : "Identity provider sign-in refused",
                    detail);
        }

        LinkProblem(HttpStatus status, String title, String detail) {
            super(status, title, detail);
        }
    }
}
