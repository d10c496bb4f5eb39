package io.reach.tenancy;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workspace settings page's place in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class TenancyConsole {

    @Bean
    ConsoleLink workspaceLink() {
        return new ConsoleLink("Settings", "Workspace", "/app/settings/workspace", "tenant", "read", 800);
    }
}
