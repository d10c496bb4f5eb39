package io.reach.audit;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit pages' places in the console's navigation. */
@Configuration(proxyBeanMethods = false)
class AuditConsole {

    @Bean
    ConsoleLink auditLogLink() {
        return new ConsoleLink("Settings", "Audit log", "/app/settings/audit", "audit_logs", "read", 850);
    }

    @Bean
    ConsoleLink securityEventsLink() {
        return new ConsoleLink("Settings", "Security", "/app/settings/security", "audit_logs", "read", 860);
    }
}
