package io.reach.identity.signin;

import static io.reach.identity.signin.MinimalPage.blankToNull;
import static io.reach.identity.signin.MinimalPage.tokenForm;
import static io.reach.identity.signin.MinimalPage.tokenOutcome;

import io.reach.identity.Inviting;
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
 * The minimal pages mails link to, until the console takes over: each reads the token from the
 * query, posts it back through a plain HTML form (see {@link MinimalPage}) and says whether it
 * worked. The token never leaves in a referrer.
 */
@Controller
@Hidden
class AccountPages {

    private final SignUp signUp;
    private final Inviting inviting;
    private final PasswordResets resets;
    private final SignInUnlocks unlocks;
    private final IdentityLinking linking;

    AccountPages(
            SignUp signUp, Inviting inviting, PasswordResets resets, SignInUnlocks unlocks, IdentityLinking linking) {
        this.signUp = signUp;
        this.inviting = inviting;
        this.resets = resets;
        this.unlocks = unlocks;
        this.linking = linking;
    }

    @GetMapping("/verify-email")
    ResponseEntity<String> verifyEmailForm(@RequestParam(required = false) @Nullable String token) {
        return tokenForm("Confirm your e-mail address", "/verify-email", token, "", "Confirm my address");
    }

    @PostMapping(path = "/verify-email", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> verifyEmail(@RequestParam(required = false) @Nullable String token) {
        return tokenOutcome("Confirm your e-mail address", token, checked -> {
            signUp.verifyEmail(checked);
            return "Your e-mail address is confirmed. You can sign in now.";
        });
    }

    @GetMapping("/accept-invitation")
    ResponseEntity<String> acceptInvitationForm(@RequestParam(required = false) @Nullable String token) {
        return tokenForm("Join a Reach workspace", "/accept-invitation", token, """
                <p>If you have no Reach account yet, choose a password (at least 10 characters); otherwise leave it empty.</p>
                <p><label>Name <input name="name" maxlength="200" autocomplete="name"></label></p>
                <p><label>Password <input type="password" name="password" maxlength="1024" autocomplete="new-password"></label></p>
                """, "Join the workspace");
    }

    @PostMapping(path = "/accept-invitation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> acceptInvitation(
            @RequestParam(required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String name,
            HttpServletRequest http) {
        return tokenOutcome("Join a Reach workspace", token, checked -> {
            inviting.accept(checked, blankToNull(password), blankToNull(name), RequestOrigins.of(http));
            return "You joined the workspace. Sign in to start.";
        });
    }

    /** With a mailed token: choose the new password. Without (a "forgot your password" link): ask for the mail. */
    @GetMapping("/reset-password")
    ResponseEntity<String> resetPasswordForm(@RequestParam(required = false) @Nullable String token) {
        if (token == null) {
            return MinimalPage.form(
                    "Reset your password", "/reset-password/request", Map.of(), """
                    <p><label>E-mail address <input type="email" name="email" required maxlength="254" autocomplete="email"></label></p>
                    """, "Mail me a reset link");
        }
        return tokenForm("Choose a new password", "/reset-password", token, """
                <p><label>New password <input type="password" name="new_password" required minlength="10" maxlength="1024" \
                autocomplete="new-password"></label></p>
                """, "Set my password");
    }

    @PostMapping(path = "/reset-password/request", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> requestReset(
            @RequestParam(required = false) @Nullable String email, HttpServletRequest http) {
        return MinimalPage.attempt("Reset your password", () -> {
            if (email == null || email.isBlank() || email.length() > 254) {
                throw new IllegalArgumentException("Enter the e-mail address of your account.");
            }
            resets.request(email.strip(), RequestOrigins.of(http));
            return "<p>If an account uses this address, a mail with a reset link is on its way.</p>";
        });
    }

    @PostMapping(path = "/reset-password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> resetPassword(
            @RequestParam(required = false) @Nullable String token,
            @RequestParam(name = "new_password", required = false) @Nullable String newPassword,
            HttpServletRequest http) {
        return tokenOutcome("Choose a new password", token, checked -> {
            if (newPassword == null || newPassword.isEmpty()) {
                throw new IllegalArgumentException("Choose a new password.");
            }
            resets.confirm(new AuthRequests.ResetConfirmation(checked, newPassword), RequestOrigins.of(http));
            return "Your password is changed and every session ended. Sign in with the new password.";
        });
    }

    @GetMapping("/unlock")
    ResponseEntity<String> unlockForm(@RequestParam(required = false) @Nullable String token) {
        return tokenForm(
                "Sign in past the pause",
                "/unlock",
                token,
                "<p>Do this on the device you sign in from: it lets only this device in.</p>\n",
                "Let this device sign in");
    }

    @PostMapping(path = "/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> unlock(@RequestParam(required = false) @Nullable String token, HttpServletRequest http) {
        return tokenOutcome("Sign in past the pause", token, checked -> {
            unlocks.unlock(checked, RequestOrigins.of(http));
            return "This device can sign in again.";
        });
    }

    @GetMapping("/link-identity")
    ResponseEntity<String> linkIdentityForm(@RequestParam(required = false) @Nullable String token) {
        return tokenForm(
                "Allow a new way to sign in",
                "/link-identity",
                token,
                "<p>Only if you asked for it: signing in with that provider will open your Reach account.</p>\n",
                "Allow it");
    }

    @PostMapping(path = "/link-identity", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> linkIdentity(
            @RequestParam(required = false) @Nullable String token, HttpServletRequest http) {
        return tokenOutcome("Allow a new way to sign in", token, checked -> {
            linking.confirm(checked, RequestOrigins.of(http));
            return "Done: sign in with that provider again to open your Reach account.";
        });
    }
}
