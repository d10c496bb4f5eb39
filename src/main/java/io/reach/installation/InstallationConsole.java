package io.reach.installation;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connections page's place in the console's navigation (platform admins only). */
@Configuration(proxyBeanMethods = false)
class InstallationConsole {

    @Bean
    ConsoleLink connectionsLink() {
        return ConsoleLink.platformAdmin("Connections", "/app/admin/connections", 910);
    }
}
