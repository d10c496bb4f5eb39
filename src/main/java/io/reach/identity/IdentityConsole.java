package io.reach.identity;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity's settings pages in the console's navigation, each shown with its REST twin's permission. */
@Configuration(proxyBeanMethods = false)
class IdentityConsole {

    private static final String SETTINGS = "Settings";

    @Bean
    ConsoleLink membersLink() {
        return new ConsoleLink(SETTINGS, "Members", "/app/settings/members", "members", "read", 810);
    }

    @Bean
    ConsoleLink rolesLink() {
        return new ConsoleLink(SETTINGS, "Roles & policies", "/app/settings/roles", "roles", "read", 820);
    }

    @Bean
    ConsoleLink apiKeysLink() {
        return new ConsoleLink(SETTINGS, "API keys", "/app/settings/api-keys", "api_keys", "read", 830);
    }

    /** Everyone's own second factor: shown to every member (the API asks no permission beyond signing in). */
    @Bean
    ConsoleLink twoStepLink() {
        return new ConsoleLink(SETTINGS, "Two-step sign-in", "/app/settings/mfa", "tenant", "read", 870);
    }
}
