package io.reach.social;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connected accounts page's place in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class SocialConsole {

    @Bean
    ConsoleLink accountsLink() {
        return new ConsoleLink("Publishing", "Accounts", "/app/accounts", "social_accounts", "read", 250);
    }
}
