package io.reach.identity.signin;

import static io.reach.identity.signin.MinimalPage.escape;

import io.reach.identity.RequestOrigins;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page mails and the other minimal pages point to, until the console takes over: the
 * same sign-in as {@code POST /api/v1/auth/login} (throttled, audited, second factor when on). With
 * no console to hold a session, it shows the short-lived access token to use with the API, never
 * the refresh token.
 */
@Controller
@Hidden
class SignInPage {

    private static final String TITLE = "Sign in to Reach";

    private final SignIn signIn;

    SignInPage(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/sign-in")
    ResponseEntity<String> form() {
        return MinimalPage.form(TITLE, "/sign-in", Map.of(), """
                <p><label>E-mail address <input type="email" name="email" required maxlength="254" autocomplete="username"></label></p>
                <p><label>Password <input type="password" name="password" required maxlength="1024" autocomplete="current-password"></label></p>
                <p><a href="/reset-password">Forgot your password?</a></p>
                """, "Sign in");
    }

    @PostMapping(path = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> signIn(
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String password,
            HttpServletRequest http) {
        return MinimalPage.attempt(TITLE, () -> {
            if (email == null
                    || email.isBlank()
                    || email.length() > 254
                    || password == null
                    || password.isEmpty()
                    || password.length() > 1024) {
                throw new IllegalArgumentException("Enter your e-mail address and password.");
            }
            return switch (signIn.login(
                    new AuthRequests.LoginRequest(email.strip(), password, null), RequestOrigins.of(http))) {
                case SessionTokens tokens -> signedIn(tokens);
                case SignIn.MfaRequired challenge ->
                    MinimalPage.formMarkup("/sign-in/mfa", Map.of("mfa_token", challenge.mfaToken()), """
                        <p><label>Code from your authenticator app, or a recovery code <input name="code" required maxlength="40" \
                        autocomplete="one-time-code" inputmode="numeric"></label></p>
                        """, "Continue");
            };
        });
    }

    @PostMapping(path = "/sign-in/mfa", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> secondFactor(
            @RequestParam(name = "mfa_token", required = false) @Nullable String mfaToken,
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest http) {
        return MinimalPage.attempt(TITLE, () -> {
            if (mfaToken == null
                    || !MinimalPage.validToken(mfaToken)
                    || code == null
                    || code.isBlank()
                    || code.length() > 40) {
                throw new IllegalArgumentException("Enter the code from your authenticator app (or a recovery code).");
            }
            String entered = code.strip();
            boolean totp = entered.matches("[0-9]{6,10}");
            return signedIn(signIn.completeMfa(
                    new AuthRequests.MfaVerification(mfaToken, totp ? entered : null, totp ? null : entered),
                    RequestOrigins.of(http)));
        });
    }

    private static String signedIn(SessionTokens tokens) {
        return """
                <p>You are signed in to workspace %s.</p>
                <p>The Reach console is not built yet. Until it is, call the API with this access token \
                (header <code>Authorization: Bearer …</code>); it expires in %d minutes:</p>
                <p><code>%s</code></p>
                """.formatted(
                        escape(tokens.tenantId().toString()), tokens.expiresIn() / 60, escape(tokens.accessToken()));
    }
}
