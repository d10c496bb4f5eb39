package io.reach.campaigns;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaign and template pages' places in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class CampaignsConsole {

    @Bean
    ConsoleLink campaignsLink() {
        return new ConsoleLink("Campaigns", "Campaigns", "/app/campaigns", "campaigns", "read", 300);
    }

    @Bean
    ConsoleLink templatesLink() {
        return new ConsoleLink("Campaigns", "Templates", "/app/templates", "templates", "read", 320);
    }
}
