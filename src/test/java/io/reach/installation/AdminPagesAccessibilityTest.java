package io.reach.installation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.Chrome;
import io.reach.support.ReachTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The platform administration pages pass axe-core in Chromium, forms and field errors included. */
@ReachTest
class AdminPagesAccessibilityTest {

    @RegisterExtension
    static final Chrome chrome = new Chrome();

    @Autowired
    Api api;

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void theWorkspacesAndConnectionsPagesPassAxe() {
        chrome.signIn("platform-admin@example.com", "platform admin passphrase");
        assertThat(chrome.path()).isEqualTo("/");

        chrome.open("/app/admin/workspaces").getTitle();
        chrome.check("admin-workspaces");
        chrome.set("name", " ").press("Create workspace");
        assertThat(chrome.mainText()).contains("must not be blank");
        chrome.check("admin-workspaces-refused");

        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("noSmtpInTheEnvironment", Map.of("spring.mail.host", "")));
        try {
            chrome.open("/app/admin/connections");
            chrome.check("admin-connections");
            chrome.set("smtp-host", "smtp.example.com").set("smtp-port", "0").press("Save SMTP server");
            assertThat(chrome.mainText()).contains("must be a port from 1 to 65535");
            chrome.check("admin-connections-refused");
        } finally {
            environment.getPropertySources().remove("noSmtpInTheEnvironment");
            api.delete("/api/v1/admin/connections/smtp", Api.ADMIN);
        }
    }
}
