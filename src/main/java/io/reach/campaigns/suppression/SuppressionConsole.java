package io.reach.campaigns.suppression;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suppression lists' place in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class SuppressionConsole {

    @Bean
    ConsoleLink suppressionsLink() {
        return new ConsoleLink("Campaigns", "Suppressions", "/app/suppressions", "contacts", "read", 330);
    }
}
