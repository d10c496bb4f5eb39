package io.reach.contacts;

import io.reach.audit.RequestOrigin;
import io.reach.identity.RequestOrigins;
import io.reach.platform.ratelimit.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages contacts reach from a mail or a website, without signing in: confirming a double
 * opt-in subscription (a button, so a mail scanner following the link confirms nothing) and a public
 * list's hosted subscription form; a contact's preference centre. The sealed token in the address names the workspace and the list;
 * a bad or expired token is a 404 page; form posts are rate limited per address and list.
 */
@Controller
class SubscriptionPages {

    static final RateLimits.Limit FORM_POSTS = new RateLimits.Limit("subscription-form", 10, Duration.ofMinutes(10));
    private static final String VIEW = "contacts/public";
    private static final String POLICY = "default-src 'none'; style-src 'self'%s; img-src https:; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    private final ListManagement lists;
    private final PreferenceCentre preferences;
    private final PreferenceCentreSettings settings;
    private final RateLimits limits;

    SubscriptionPages(
            ListManagement lists, PreferenceCentre preferences, PreferenceCentreSettings settings, RateLimits limits) {
        this.lists = lists;
        this.preferences = preferences;
        this.settings = settings;
        this.limits = limits;
    }

    @GetMapping(path = "/preferences/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String preferencesPage(@PathVariable String token, Model model, HttpServletResponse response) {
        return preferences
                .open(token)
                .map(shown -> preferences(model, response, token, shown, ""))
                .orElseGet(() -> unknown(model, response));
    }

    @PostMapping(path = "/preferences/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String savePreferences(
            @PathVariable String token,
            @RequestParam(name = "list", required = false) @Nullable List<String> chosen,
            @RequestParam(required = false) @Nullable String everything,
            @RequestParam(required = false) @Nullable String frequency,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        Set<UUID> lists = new HashSet<>();
        for (String id : chosen == null ? List.<String>of() : chosen) {
            try {
                lists.add(UUID.fromString(id));
            } catch (IllegalArgumentException notAList) {
                // a tampered form: the lists it names that are not lists are not chosen
            }
        }
        Frequency often = frequency == null ? null : Frequency.ofCode(frequency).orElse(null);
        if (!preferences.save(token, lists, often, "true".equals(everything), RequestOrigins.of(http))) {
            return unknown(model, response);
        }
        return preferences
                .open(token)
                .map(shown -> preferences(model, response, token, shown, "Saved."))
                .orElseGet(() -> unknown(model, response));
    }

    private static String preferences(
            Model model,
            HttpServletResponse response,
            String token,
            PreferenceCentre.Preferences shown,
            String message) {
        response.setHeader("Content-Security-Policy", policy(shown.branding()));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("preferences", shown);
        model.addAttribute("action", "/preferences/" + token);
        model.addAttribute("message", message);
        return "contacts/preferences";
    }

    @GetMapping(path = "/subscriptions/confirm", produces = MediaType.TEXT_HTML_VALUE)
    String confirmPage(
            @RequestParam(required = false) @Nullable String token, Model model, HttpServletResponse response) {
        if (token == null || token.isBlank()) {
            return unknown(model, response);
        }
        return show(
                model,
                response,
                new PublicPage(
                        "Confirm your subscription",
                        "One click and you are on the list.",
                        "/subscriptions/confirm",
                        token,
                        false,
                        "Confirm my subscription"));
    }

    @PostMapping(path = "/subscriptions/confirm", produces = MediaType.TEXT_HTML_VALUE)
    String confirm(
            @RequestParam(required = false) @Nullable String token,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        Optional<ListManagement.Confirmed> confirmed =
                token == null ? Optional.empty() : lists.confirm(token, RequestOrigins.of(http));
        if (confirmed.isEmpty()) {
            return unknown(model, response);
        }
        String message = confirmed.get().status() == MemberStatus.CONFIRMED
                ? "You are subscribed to \"" + confirmed.get().listName() + "\"."
                : "This subscription was ended; subscribe again through the list's form.";
        return show(model, response, PublicPage.message("Thank you", message));
    }

    @GetMapping(path = "/subscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String formPage(@PathVariable String token, Model model, HttpServletResponse response) {
        return lists.form(token)
                .map(form -> show(
                        model,
                        response,
                        new PublicPage(
                                        "Subscribe to " + form.list().name(),
                                        form.list().description(),
                                        "/subscribe/" + token,
                                        null,
                                        true,
                                        "Subscribe")
                                .in(settings.of(form.tenant()))))
                .orElseGet(() -> unknown(model, response));
    }

    @PostMapping(path = "/subscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String subscribe(
            @PathVariable String token,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        Optional<ListManagement.PublicForm> form = lists.form(token);
        if (form.isEmpty()) {
            return unknown(model, response);
        }
        RequestOrigin origin = RequestOrigins.of(http);
        limits.consume("subscribe:" + form.get().list().id() + ":" + origin.ipAddress(), FORM_POSTS);
        String email = Addresses.normalEmail(fields.get("email"));
        String firstName = fields.getOrDefault("first_name", "").strip();
        if (email == null || firstName.length() > 200) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(
                    model,
                    response,
                    new PublicPage(
                                    "Subscribe to " + form.get().list().name(),
                                    "Please enter a valid e-mail address (and a first name of at most 200 characters).",
                                    "/subscribe/" + token,
                                    null,
                                    true,
                                    "Subscribe")
                            .in(settings.of(form.get().tenant())));
        }
        lists.subscribe(
                form.get(),
                new ContactInput(email, null, firstName.isEmpty() ? null : firstName, null, null, null, null, null),
                origin);
        String message = form.get().list().optIn() == OptIn.DOUBLE
                ? "Almost done: we sent you a mail; open its link to confirm your subscription."
                : "You are subscribed to \"" + form.get().list().name() + "\".";
        return show(
                model,
                response,
                PublicPage.message("Thank you", message)
                        .in(settings.of(form.get().tenant())));
    }

    private static String unknown(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return show(
                model,
                response,
                PublicPage.message(
                        "Link not valid",
                        "This link is not valid (any more). Links in confirmation mails work for 7 days."));
    }

    /** The pages' policy, with the hash of the workspace's own style when it has one. */
    static String policy(PreferenceBranding branding) {
        return POLICY.formatted(branding.styleSource());
    }

    private static String show(Model model, HttpServletResponse response, PublicPage page) {
        response.setHeader("Content-Security-Policy", policy(page.branding()));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("page", page);
        return VIEW;
    }
}
