package io.reach.identity.signin;

import io.reach.identity.Inviting;
import io.reach.identity.RequestOrigins;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console pages mails link to (verify the address, join a workspace, reset the password, let
 * this device sign in, allow a new way to sign in): each reads the token from the query and posts
 * it back through a form, so opening the link changes nothing, then says whether it worked. They
 * call the same services as the API and never send the token on in a referrer.
 */
@Controller
@ConsolePage
@Hidden
public class AccountPages {

    private static final String VIEW = "signin/account";

    /** One input of a page's form. */
    public record Field(String name, String label, String type, String autocomplete, boolean required) {}

    /**
     * What a page shows: a form posting to {@code action} (with {@code token} hidden), or the
     * {@code outcome} of having posted it; {@code error} says why the last attempt was refused.
     */
    public record View(
            String title,
            @Nullable String action,
            @Nullable String token,
            @Nullable String intro,
            List<Field> fields,
            String button,
            @Nullable String outcome,
            @Nullable String error) {}

    private static final Field NEW_PASSWORD =
            new Field("new_password", "New password (at least 10 characters)", "password", "new-password", true);

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

    /** A token in the address must not travel on in a referrer. */
    @ModelAttribute
    void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private static final View VERIFY =
            tokenForm("Confirm your e-mail address", "/verify-email", null, List.of(), "Confirm my address");

    @GetMapping("/verify-email")
    String verifyEmailForm(
            @RequestParam(required = false) @Nullable String token, Model model, HttpServletResponse response) {
        return form(VERIFY, token, model, response);
    }

    @PostMapping(path = "/verify-email", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String verifyEmail(
            @RequestParam(required = false) @Nullable String token, Model model, HttpServletResponse response) {
        return outcome(VERIFY, token, model, response, checked -> {
            signUp.verifyEmail(checked);
            return "Your e-mail address is confirmed. You can sign in now.";
        });
    }

    private static final View JOIN = tokenForm(
            "Join a Reach workspace",
            "/accept-invitation",
            "If you have no Reach account yet, choose a password (at least 10 characters); otherwise leave it empty.",
            List.of(
                    new Field("name", "Name", "text", "name", false),
                    new Field("password", "Password", "password", "new-password", false)),
            "Join the workspace");

    @GetMapping("/accept-invitation")
    String acceptInvitationForm(
            @RequestParam(required = false) @Nullable String token, Model model, HttpServletResponse response) {
        return form(JOIN, token, model, response);
    }

    @PostMapping(path = "/accept-invitation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String acceptInvitation(
            @RequestParam(required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String name,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        return outcome(JOIN, token, model, response, checked -> {
            inviting.accept(checked, blankToNull(password), blankToNull(name), RequestOrigins.of(http));
            return "You joined the workspace. Sign in to start.";
        });
    }

    private static final View FORGOT = new View(
            "Reset your password",
            "/reset-password/request",
            null,
            null,
            List.of(new Field("email", "E-mail address", "email", "email", true)),
            "Mail me a reset link",
            null,
            null);

    private static final View RESET =
            tokenForm("Choose a new password", "/reset-password", null, List.of(NEW_PASSWORD), "Set my password");

    /** With a mailed token: choose the new password. Without (a "forgot your password" link): ask for the mail. */
    @GetMapping("/reset-password")
    String resetPasswordForm(
            @RequestParam(required = false) @Nullable String token, Model model, HttpServletResponse response) {
        if (token == null) {
            return show(model, FORGOT);
        }
        return form(RESET, token, model, response);
    }

    @PostMapping(path = "/reset-password/request", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String requestReset(
            @RequestParam(required = false) @Nullable String email,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        if (email == null || email.isBlank() || email.length() > 254) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, refused(FORGOT, null, "Enter the e-mail address of your account."));
        }
        String address = email.strip();
        return attempt(FORGOT, null, model, response, () -> {
            resets.request(address, RequestOrigins.of(http));
            return "If an account uses this address, a mail with a reset link is on its way.";
        });
    }

    @PostMapping(path = "/reset-password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String resetPassword(
            @RequestParam(required = false) @Nullable String token,
            @RequestParam(name = "new_password", required = false) @Nullable String newPassword,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        if (newPassword == null || newPassword.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, refused(RESET, token, "Choose a new password."));
        }
        String chosen = newPassword;
        return outcome(RESET, token, model, response, checked -> {
            resets.confirm(new AuthRequests.ResetConfirmation(checked, chosen), RequestOrigins.of(http));
            return "Your password is changed and every session ended. Sign in with the new password.";
        });
    }

    private static final View UNLOCK = tokenForm(
            "Sign in past the pause",
            "/unlock",
            "Do this on the device you sign in from: it lets only this device in.",
            List.of(),
            "Let this device sign in");

    @GetMapping("/unlock")
    String unlockForm(
            @RequestParam(required = false) @Nullable String token, Model model, HttpServletResponse response) {
        return form(UNLOCK, token, model, response);
    }

    @PostMapping(path = "/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String unlock(
            @RequestParam(required = false) @Nullable String token,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        return outcome(UNLOCK, token, model, response, checked -> {
            unlocks.unlock(checked, RequestOrigins.of(http));
            return "This device can sign in again.";
        });
    }

    private static final View LINK = tokenForm(
            "Allow a new way to sign in",
            "/link-identity",
            "Only if you asked for it: signing in with that provider will open your Reach account.",
            List.of(),
            "Allow it");

    @GetMapping("/link-identity")
    String linkIdentityForm(
            @RequestParam(required = false) @Nullable String token, Model model, HttpServletResponse response) {
        return form(LINK, token, model, response);
    }

    @PostMapping(path = "/link-identity", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String linkIdentity(
            @RequestParam(required = false) @Nullable String token,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        return outcome(LINK, token, model, response, checked -> {
            linking.confirm(checked, RequestOrigins.of(http));
            return "Done: sign in with that provider again to open your Reach account.";
        });
    }

    private static View tokenForm(
            String title, String action, @Nullable String intro, List<Field> fields, String button) {
        return new View(title, action, null, intro, fields, button, null, null);
    }

    /** The form a token link opens, the token in it; a link without a usable token is a 400 that says so. */
    private static String form(View page, @Nullable String token, Model model, HttpServletResponse response) {
        if (!MailedTokens.plausible(token)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, noToken(page));
        }
        return show(model, refused(page, token, null));
    }

    /** Does what a posted token asks (the work reads the checked token), or says why not. */
    private static String outcome(
            View page,
            @Nullable String token,
            Model model,
            HttpServletResponse response,
            Function<String, String> work) {
        if (token == null || !MailedTokens.plausible(token)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, noToken(page));
        }
        String checked = token;
        return attempt(page, checked, model, response, () -> work.apply(checked));
    }

    private static String attempt(
            View page, @Nullable String token, Model model, HttpServletResponse response, Supplier<String> work) {
        try {
            String done = work.get();
            return show(model, new View(page.title(), null, null, null, List.of(), page.button(), done, null));
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return show(model, refused(page, token, e.title() + ": " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, refused(page, token, e.getMessage()));
        }
    }

    private static View refused(View page, @Nullable String token, @Nullable String error) {
        return new View(page.title(), page.action(), token, page.intro(), page.fields(), page.button(), null, error);
    }

    private static View noToken(View page) {
        return new View(
                page.title(),
                null,
                null,
                null,
                List.of(),
                page.button(),
                null,
                "This link has no valid token. Open the link from the mail again.");
    }

    private static String show(Model model, View view) {
        model.addAttribute("view", view);
        return VIEW;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
