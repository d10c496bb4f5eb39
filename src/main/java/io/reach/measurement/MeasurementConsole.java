package io.reach.measurement;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analytics pages' places in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class MeasurementConsole {

    @Bean
    ConsoleLink dashboardLink() {
        return new ConsoleLink("Analytics", "Dashboard", "/app/analytics", "analytics", "read", 100);
    }

    @Bean
    ConsoleLink siteKeysLink() {
        return new ConsoleLink("Analytics", "Site keys", "/app/site-keys", "analytics", "read", 190);
    }
}
