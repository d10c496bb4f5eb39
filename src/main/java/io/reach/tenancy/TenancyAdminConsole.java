package io.reach.tenancy;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workspaces page's place in the console's navigation (platform admins only). */
@Configuration(proxyBeanMethods = false)
class TenancyAdminConsole {

    @Bean
    ConsoleLink workspacesAdminLink() {
        return ConsoleLink.platformAdmin("Workspaces", "/app/admin/workspaces", 900);
    }
}
