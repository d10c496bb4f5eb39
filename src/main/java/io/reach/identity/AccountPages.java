package io.reach.identity;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The minimal pages mails link to, until the console takes over: each reads the token from the
 * query, posts it back through a plain HTML form and says whether it worked. No script runs (the
 * policy forbids it), everything shown is escaped, and the token never leaves in a referrer.
 */
@Controller
@Hidden
class AccountPages {

    private static final String POLICY = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final SignUp signUp;
    private final Inviting inviting;
    private final PasswordResets resets;

    AccountPages(SignUp signUp, Inviting inviting, PasswordResets resets) {
        this.signUp = signUp;
        this.inviting = inviting;
        this.resets = resets;
    }

    @GetMapping("/verify-email")
    ResponseEntity<String> verifyEmailForm(@RequestParam(required = false) @Nullable String token) {
        return form("Confirm your e-mail address", "/verify-email", token, "", "Confirm my address");
    }

    @PostMapping(path = "/verify-email", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> verifyEmail(@RequestParam(required = false) @Nullable String token) {
        return outcome("Confirm your e-mail address", token, () -> {
            signUp.verifyEmail(token);
            return "Your e-mail address is confirmed. You can sign in now.";
        });
    }

    @GetMapping("/accept-invitation")
    ResponseEntity<String> acceptInvitationForm(@RequestParam(required = false) @Nullable String token) {
        return form("Join a Reach workspace", "/accept-invitation", token, """
                <p>If you have no Reach account yet, choose a password (at least 10 characters); otherwise leave it empty.</p>
                <p><label>Name <input name="name" maxlength="200" autocomplete="name"></label></p>
                <p><label>Password <input type="password" name="password" maxlength="1024" autocomplete="new-password"></label></p>
                """, "Join the workspace");
    }

    @PostMapping(path = "/accept-invitation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> acceptInvitation(@RequestParam(required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String password, @RequestParam(required = false) @Nullable String name,
            HttpServletRequest http) {
        return outcome("Join a Reach workspace", token, () -> {
            inviting.accept(token, blankToNull(password), blankToNull(name), RequestOrigins.of(http));
            return "You joined the workspace. Sign in to start.";
        });
    }

    @GetMapping("/reset-password")
    ResponseEntity<String> resetPasswordForm(@RequestParam(required = false) @Nullable String token) {
        return form("Choose a new password", "/reset-password", token, """
                <p><label>New password <input type="password" name="new_password" required minlength="10" maxlength="1024" \
                autocomplete="new-password"></label></p>
                """, "Set my password");
    }

    @PostMapping(path = "/reset-password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> resetPassword(@RequestParam(required = false) @Nullable String token,
            @RequestParam(name = "new_password", required = false) @Nullable String newPassword, HttpServletRequest http) {
        return outcome("Choose a new password", token, () -> {
            if (newPassword == null || newPassword.isEmpty()) {
                throw new IllegalArgumentException("Choose a new password.");
            }
            resets.confirm(new AuthRequests.ResetConfirmation(token, newPassword), RequestOrigins.of(http));
            return "Your password is changed and every session ended. Sign in with the new password.";
        });
    }

    private static ResponseEntity<String> form(String title, String action, @Nullable String token, String fields,
            String button) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return page(HttpStatus.BAD_REQUEST, title, "<p>This link has no valid token. Open the link from the mail again.</p>");
        }
        return page(HttpStatus.OK, title, """
                <form method="post" action="%s">
                <input type="hidden" name="token" value="%s">
                %s<p><button type="submit">%s</button></p>
                </form>
                """.formatted(action, escape(token), fields, escape(button)));
    }

    private static ResponseEntity<String> outcome(String title, @Nullable String token, Supplier<String> work) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return page(HttpStatus.BAD_REQUEST, title, "<p>This link has no valid token. Open the link from the mail again.</p>");
        }
        try {
            return page(HttpStatus.OK, title, "<p>" + escape(work.get()) + "</p>");
        } catch (ApiException e) {
            return page(e.status(), title, "<p>" + escape(e.title()) + ": " + escape(e.getMessage()) + "</p>");
        } catch (IllegalArgumentException e) {
            return page(HttpStatus.BAD_REQUEST, title, "<p>" + escape(e.getMessage()) + "</p>");
        }
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta name="referrer" content="no-referrer"><title>%s – Reach</title></head>
                <body><main><h1>%s</h1>
                %s</main></body></html>
                """.formatted(escape(title), escape(title), body);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", POLICY).header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Frame-Options", "DENY").body(html);
    }

    private static String escape(@Nullable String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
