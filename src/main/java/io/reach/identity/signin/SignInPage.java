package io.reach.identity.signin;

import io.reach.identity.RequestOrigins;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in: the same sign-in as {@code POST /api/v1/auth/login} (throttled, audited,
 * second factor when on), after which the browser holds a cookie session ({@link ConsoleSessions})
 * instead of tokens. A refusal shows the API's own words next to the form, with the status it has.
 */
@Controller
@ConsolePage
@Hidden
public class SignInPage {

    private static final String FORM = "signin/sign-in";
    private static final String SECOND_FACTOR = "signin/mfa";

    /** An identity provider's button: {@code /oauth2/authorization/<id>}, named by its client name. */
    public record Provider(String id, String name) {}

    private final SignIn signIn;
    private final ConsoleSessions sessions;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInPage(SignIn signIn, ConsoleSessions sessions, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.registrations = registrations;
    }

    @GetMapping("/sign-in")
    String form(CsrfToken csrf, Model model, HttpServletRequest http) {
        return signInForm(model, csrf, null, handOver(http, ConsoleOidc.ERROR));
    }

    /** The second step of a sign-in with an identity provider that started here (see {@link ConsoleOidc}). */
    @GetMapping("/sign-in/mfa")
    String providerSecondFactor(CsrfToken csrf, Model model, HttpServletRequest http) {
        String mfaToken = handOver(http, ConsoleOidc.MFA_TOKEN);
        return mfaToken == null ? "redirect:/sign-in" : secondFactorForm(model, csrf, mfaToken, null);
    }

    /** The identity providers configured, for their buttons. */
    @ModelAttribute("providers")
    List<Provider> providers() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        List<Provider> providers = new ArrayList<>();
        if (repository instanceof Iterable<?> all) {
            all.forEach(one -> {
                if (one instanceof ClientRegistration registration) {
                    providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
                }
            });
        }
        return providers;
    }

    private static @Nullable String handOver(HttpServletRequest http, String attribute) {
        HttpSession session = http.getSession(false);
        if (session == null || !(session.getAttribute(attribute) instanceof String value)) {
            return null;
        }
        session.removeAttribute(attribute);
        return value;
    }

    @PostMapping(path = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String signIn(
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String password,
            CsrfToken csrf,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        if (email == null
                || email.isBlank()
                || email.length() > 254
                || password == null
                || password.isEmpty()
                || password.length() > 1024) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return signInForm(model, csrf, email, "Enter your e-mail address and password.");
        }
        try {
            return switch (signIn.login(
                    new AuthRequests.LoginRequest(email.strip(), password, null), RequestOrigins.of(http))) {
                case SessionTokens tokens -> signedIn(http, tokens);
                case SignIn.MfaRequired challenge -> secondFactorForm(model, csrf, challenge.mfaToken(), null);
            };
        } catch (ApiException refused) {
            response.setStatus(refused.status().value());
            return signInForm(model, csrf, email, refused.title() + ": " + refused.getMessage());
        }
    }

    @PostMapping(path = "/sign-in/mfa", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String secondFactor(
            @RequestParam(name = "mfa_token", required = false) @Nullable String mfaToken,
            @RequestParam(required = false) @Nullable String code,
            CsrfToken csrf,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        if (mfaToken == null || !MailedTokens.plausible(mfaToken)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return signInForm(model, csrf, null, "The sign-in expired; sign in again.");
        }
        if (code == null || code.isBlank() || code.length() > 40) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return secondFactorForm(
                    model, csrf, mfaToken, "Enter the code from your authenticator app (or a recovery code).");
        }
        String entered = code.strip();
        boolean totp = entered.matches("[0-9]{6,10}");
        try {
            return signedIn(
                    http,
                    signIn.completeMfa(
                            new AuthRequests.MfaVerification(mfaToken, totp ? entered : null, totp ? null : entered),
                            RequestOrigins.of(http)));
        } catch (ApiException refused) {
            response.setStatus(refused.status().value());
            return secondFactorForm(model, csrf, mfaToken, refused.title() + ": " + refused.getMessage());
        }
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest http) {
        sessions.end(http);
        return "redirect:/sign-in";
    }

    private String signedIn(HttpServletRequest http, SessionTokens tokens) {
        sessions.start(http, tokens);
        return "redirect:/";
    }

    private static String signInForm(Model model, CsrfToken csrf, @Nullable String email, @Nullable String error) {
        model.addAttribute("email", email);
        model.addAttribute("error", error);
        return FORM;
    }

    private static String secondFactorForm(Model model, CsrfToken csrf, String mfaToken, @Nullable String error) {
        model.addAttribute("mfaToken", mfaToken);
        model.addAttribute("error", error);
        return SECOND_FACTOR;
    }
}
