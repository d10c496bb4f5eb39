package io.reach.identity.signin;

import io.reach.identity.RequestOrigins;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's two-step sign-in settings: TOTP enrolment (the secret and its otpauth URI shown on
 * the answer to "turn on", confirmed with a first code), the recovery codes shown once on the
 * answer to that confirmation, and turning it off with a code. The same {@link MultiFactor} as
 * {@code /api/v1/me/mfa}, so the same throttle and audit.
 */
@Controller
@ConsolePage
@Hidden
public class MfaPage {

    private static final String PATH = "/app/settings/mfa";

    /** What the page shows: the state, and what exists only on one answer (secret, recovery codes). */
    public record View(
            State state,
            @Nullable String secret,
            @Nullable String otpauthUri,
            List<String> recoveryCodes,
            @Nullable String error) {}

    /** Where the person is: off, scanning the secret, on, or just turned on (codes shown). */
    public enum State {
        OFF,
        ENROLLING,
        ON,
        CONFIRMED
    }

    private final MultiFactor multiFactor;

    MfaPage(MultiFactor multiFactor) {
        this.multiFactor = multiFactor;
    }

    @GetMapping(PATH)
    String show(@SignedInMember UserPrincipal member, Model model) {
        return page(model, new View(multiFactor.enabled(member) ? State.ON : State.OFF, null, null, List.of(), null));
    }

    @PostMapping(path = PATH + "/enrol", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String enrol(@SignedInMember UserPrincipal member, Model model, HttpServletResponse response) {
        try {
            MultiFactor.Enrolment enrolment = multiFactor.enrol(member);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return page(model, new View(State.ENROLLING, enrolment.secret(), enrolment.otpauthUri(), List.of(), null));
        } catch (ApiException refused) {
            return refused(model, response, member, refused, State.OFF);
        }
    }

    @PostMapping(path = PATH + "/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String confirm(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String code,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        if (code == null || !plausible(code)) {
            return unreadable(model, response, State.ENROLLING, "Enter the 6-digit code your app shows.");
        }
        try {
            var confirmation = multiFactor.confirm(member, code.strip(), RequestOrigins.of(http));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return page(model, new View(State.CONFIRMED, null, null, confirmation.recoveryCodes(), null));
        } catch (ApiException refused) {
            return refused(model, response, member, refused, State.ENROLLING);
        }
    }

    @PostMapping(path = PATH + "/disable", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String disable(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String code,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        if (code == null || !plausible(code)) {
            return unreadable(model, response, State.ON, "Enter a code from your app, or a recovery code.");
        }
        try {
            multiFactor.disable(member, code.strip(), RequestOrigins.of(http));
            return "redirect:" + PATH;
        } catch (ApiException refused) {
            return refused(model, response, member, refused, State.ON);
        }
    }

    private String refused(
            Model model, HttpServletResponse response, UserPrincipal member, ApiException refused, State expected) {
        response.setStatus(refused.status().value());
        State state =
                expected == State.ENROLLING ? State.ENROLLING : multiFactor.enabled(member) ? State.ON : State.OFF;
        return page(model, new View(state, null, null, List.of(), refused.title() + ": " + refused.getMessage()));
    }

    /** A code that cannot be one: 400, the same state again, and what to type. */
    private static String unreadable(Model model, HttpServletResponse response, State state, String hint) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, new View(state, null, null, List.of(), hint));
    }

    private static boolean plausible(String code) {
        return !code.isBlank() && code.strip().length() <= 40;
    }

    private static String page(Model model, View view) {
        model.addAttribute("view", view);
        return "settings/mfa";
    }
}
