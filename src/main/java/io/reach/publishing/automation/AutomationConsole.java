package io.reach.publishing.automation;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The automations page's place in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class AutomationConsole {

    @Bean
    ConsoleLink automationsLink() {
        return new ConsoleLink("Publishing", "Automations", "/app/automations", "posts", "read", 260);
    }
}
