package io.reach.campaigns.sending;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The e-mail and SMS campaign pages' place in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class SendingConsole {

    @Bean
    ConsoleLink messagesLink() {
        return new ConsoleLink("Campaigns", "E-mail & SMS", "/app/messages", "campaign_sends", "read", 310);
    }
}
