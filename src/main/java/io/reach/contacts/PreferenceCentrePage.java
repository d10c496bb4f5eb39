package io.reach.contacts;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's preference-centre branding: the form, and a preview of the centre as a contact would
 * see it (with two sample lists), under the same security policy as the real one.
 */
@Controller
@ConsolePage
@Hidden
public class PreferenceCentrePage {

    private static final String PATH = "/app/preference-centre";

    private final PreferenceCentreSettings settings;

    PreferenceCentrePage(PreferenceCentreSettings settings) {
        this.settings = settings;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "contacts", action = "read")
    String form(Model model) {
        return page(model, settings.current(), null);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String save(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) @Nullable String introduction,
            @RequestParam(name = "brand_name", required = false) @Nullable String brandName,
            @RequestParam(name = "logo_url", required = false) @Nullable String logoUrl,
            @RequestParam(name = "accent_color", required = false) @Nullable String accentColor,
            @RequestParam(required = false) @Nullable String footer,
            @RequestParam(name = "offer_frequency", required = false) @Nullable String offerFrequency,
            Model model,
            HttpServletResponse response) {
        PreferenceBranding typed = new PreferenceBranding(
                title, introduction, brandName, logoUrl, accentColor, footer, offerFrequency != null);
        try {
            settings.change(typed);
            return "redirect:" + PATH;
        } catch (ApiException refused) {
            return page(model, typed, FormProblem.answer(refused, response));
        }
    }

    /** The centre as a contact sees it, with sample lists; nothing can be saved from it. */
    @GetMapping(PATH + "/preview")
    @RequiresPermission(resource = "contacts", action = "read")
    String preview(Model model, HttpServletResponse response) {
        PreferenceBranding branding = settings.current();
        response.setHeader("Content-Security-Policy", SubscriptionPages.policy(branding));
        model.addAttribute(
                "preferences",
                new PreferenceCentre.Preferences(
                        "someone@example.com",
                        false,
                        List.of(
                                new PreferenceCentre.Choice(
                                        new java.util.UUID(0, 1), "Weekly news", "What happened this week", true),
                                new PreferenceCentre.Choice(new java.util.UUID(0, 2), "Offers", null, false)),
                        Frequency.EVERY,
                        branding));
        model.addAttribute("action", PATH + "/preview");
        model.addAttribute("message", "This is a preview: nothing is saved from it.");
        return "contacts/preferences";
    }

    private String page(Model model, PreferenceBranding branding, @Nullable String error) {
        model.addAttribute("branding", branding);
        model.addAttribute("error", error);
        return "contacts/preference_centre";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink preferenceCentreLink() {
            return new ConsoleLink("Audience", "Preference centre", PATH, "contacts", "read", 284);
        }
    }
}
