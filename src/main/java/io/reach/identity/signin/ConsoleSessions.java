package io.reach.identity.signin;

import io.reach.identity.RequestOrigins;
import io.reach.identity.UserPrincipal;
import io.reach.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The console's cookie session over the API's tokens: signing in stores the access and refresh
 * tokens the API would hand out in the (PostgreSQL-held) HTTP session under a new session id; each
 * console request is authenticated from them by the same {@link AccessTokenAuthenticator} as a
 * bearer request, so revocation, suspension and permission checks are one decision point. An expired
 * access token is refreshed (rotating the refresh token); a refused one ends the session, and so
 * does the absolute limit, however active the session.
 */
@Component
class ConsoleSessions {

    static final String TOKENS = ConsoleSessions.class.getName() + ".tokens";

    /** However active, a console session ends this long after sign-in (the idle limit is spring.session.timeout). */
    static final Duration ABSOLUTE = Duration.ofHours(12);

    /** What the session holds: never a password, never the person's details (read fresh each request). */
    record Tokens(String access, String refresh) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final AccessTokenAuthenticator authenticator;
    private final SignIn signIn;
    private final Clock clock;

    ConsoleSessions(AccessTokenAuthenticator authenticator, SignIn signIn, Clock clock) {
        this.authenticator = authenticator;
        this.signIn = signIn;
        this.clock = clock;
    }

    /** Starts the session of a person who just signed in; a session id from before is not kept (fixation). */
    void start(HttpServletRequest request, SessionTokens tokens) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        request.getSession(true).setAttribute(TOKENS, new Tokens(tokens.accessToken(), tokens.refreshToken()));
    }

    /** The signed-in person of this browser session, if any. */
    Optional<Authentication> authenticate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(TOKENS) instanceof Tokens tokens)) {
            return Optional.empty();
        }
        if (clock.millis() - session.getCreationTime() > ABSOLUTE.toMillis()) {
            end(request);
            return Optional.empty();
        }
        try {
            return refusedEnds(session, authenticator.authenticate(tokens.access()));
        } catch (CredentialsExpiredException expired) {
            return refreshed(request, session, tokens);
        }
    }

    /**
     * Moves the session to another of the person's workspaces: new tokens for it (the API's
     * switch-tenant rules and audit) under a new session id; the old refresh token is revoked.
     */
    void switchTo(HttpServletRequest request, UserPrincipal person, UUID tenantId) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(TOKENS) instanceof Tokens old)) {
            throw new IllegalStateException("No console session to switch");
        }
        SessionTokens tokens = signIn.switchTenant(person, tenantId, RequestOrigins.of(request));
        signIn.logout(old.refresh());
        session.setAttribute(TOKENS, new Tokens(tokens.accessToken(), tokens.refreshToken()));
        request.changeSessionId();
    }

    /** Signs out: the refresh token is revoked and the session forgotten. */
    void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        if (session.getAttribute(TOKENS) instanceof Tokens tokens) {
            signIn.logout(tokens.refresh());
        }
        session.invalidate();
    }

    private Optional<Authentication> refreshed(HttpServletRequest request, HttpSession session, Tokens tokens) {
        SessionTokens renewed;
        try {
            renewed = signIn.refresh(tokens.refresh(), RequestOrigins.of(request));
        } catch (ApiException refused) { // revoked, reused or expired refresh token: sign in again
            session.invalidate();
            return Optional.empty();
        }
        session.setAttribute(TOKENS, new Tokens(renewed.accessToken(), renewed.refreshToken()));
        return refusedEnds(session, authenticator.authenticate(renewed.accessToken()));
    }

    private static Optional<Authentication> refusedEnds(HttpSession session, Optional<Authentication> authenticated) {
        if (authenticated.isEmpty()) {
            session.invalidate();
        }
        return authenticated;
    }
}
