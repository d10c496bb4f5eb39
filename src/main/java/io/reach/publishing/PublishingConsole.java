package io.reach.publishing;

import io.reach.platform.console.ConsoleLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The publishing pages' places in the console's navigation, with the permissions of their REST twins. */
@Configuration(proxyBeanMethods = false)
class PublishingConsole {

    private static final String SECTION = "Publishing";

    @Bean
    ConsoleLink publishingCalendarLink() {
        return new ConsoleLink(SECTION, "Calendar", "/app/publishing/calendar", "posts", "read", 200);
    }

    @Bean
    ConsoleLink publishingComposerLink() {
        return new ConsoleLink(SECTION, "New post", "/app/publishing/new", "posts", "write", 210);
    }

    @Bean
    ConsoleLink publishingApprovalsLink() {
        return new ConsoleLink(SECTION, "Approvals", "/app/publishing/approvals", "posts", "read", 220);
    }
}
