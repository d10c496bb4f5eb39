package io.reach.installation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.InstallationSettings;
import io.reach.platform.mail.Mailer;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The installation's connections through the admin API: stored settings apply from the next use
 * without a restart, the environment still wins, secrets never come back nor reach the audit trail,
 * bad settings are refused field by field, and only platform admins may touch them.
 */
@ReachTest
class AdminConnectionsTest {

    private static final String SMTP = "/api/v1/admin/connections/smtp";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Mailer mailer;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    InstallationSettings settings;

    @AfterEach
    void forgetStoredSmtp() {
        environment.getPropertySources().remove("noSmtpInTheEnvironment");
        api.delete(SMTP, Api.ADMIN);
    }

    @Test
    void aStoredSmtpServerCarriesTheNextMailWithoutARestart() {
        String port = environment.getProperty("spring.mail.port");
        withoutSmtpInTheEnvironment();
        api.delete(SMTP, Api.ADMIN);
        String domain = "stored-smtp-" + UUID.randomUUID() + ".example";

        UUID kept = mailer.send("before@" + domain, "Stored SMTP check", "No server yet");
        assertThat(statusWhenDone(kept)).isEqualTo("kept");

        var stored = api.put(SMTP, Api.ADMIN, """
                {"host": "127.0.0.1", "port": %s, "from": "stored-smtp@reach.example", "starttls": "false"}""".formatted(port));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("source").asString()).isEqualTo("database");

        mailer.send("after@" + domain, "Stored SMTP check", "Through the stored server");
        List<MimeMessage> received = TestMailServer.messagesToDomain(domain, 1);
        assertThat(received).hasSize(1);
        assertThat(fromOf(received.getFirst())).isEqualTo("stored-smtp@reach.example");
    }

    @Test
    void theEnvironmentWinsOverStoredSettings() {
        var stored = api.put(SMTP, Api.ADMIN, """
                {"host": "smtp.invalid", "port": "2525", "from": "unused@reach.example", "starttls": "true"}""");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("source").asString()).isEqualTo("environment");
        assertThat(stored.json().get("stored").asBoolean()).isTrue();
        assertThat(setting(stored.json(), "host").get("value").asString()).isEqualTo("127.0.0.1");

        String domain = "env-smtp-" + UUID.randomUUID() + ".example";
        mailer.send("someone@" + domain, "Environment SMTP check", "Through the environment's server");
        List<MimeMessage> received = TestMailServer.messagesToDomain(domain, 1);
        assertThat(received).hasSize(1);
        assertThat(fromOf(received.getFirst())).isNotEqualTo("unused@reach.example");
    }

    @Test
    void secretsAreNeverAnsweredNorAudited() {
        String secret = "linkedin-secret-" + UUID.randomUUID();
        String kind = "/api/v1/admin/connections/social:linkedin";
        var stored = api.put(kind, Api.ADMIN, """
                {"client_id": "stored-linkedin-app", "client_secret": "%s"}""".formatted(secret));
        try {
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.body()).doesNotContain(secret);
            assertThat(setting(stored.json(), "client_secret").get("set").asBoolean())
                    .isTrue();
            assertThat(api.get("/api/v1/admin/connections", Api.ADMIN).body())
                    .contains("social:linkedin")
                    .doesNotContain(secret);

            var again = api.put(kind, Api.ADMIN, """
                    {"client_id": "renamed-linkedin-app"}""");
            assertThat(again.status()).isEqualTo(200);
            assertThat(settings.stored(ConnectionKind.SOCIAL_LINKEDIN))
                    .containsEntry("client_id", "renamed-linkedin-app")
                    .containsEntry("client_secret", secret);

            List<String> audited = owner.with(jdbc -> {
                jdbc.execute("set app.tenant_id = '00000000-0000-0000-0000-000000000000'");
                return jdbc.queryForList("""
                        select coalesce(old_values::text, '') || coalesce(new_values::text, '')
                            || coalesce(changes::text, '')
                        from audit.audit_logs
                        where resource_type = 'connection' and resource_id = 'social:linkedin'""", String.class);
            });
            assertThat(audited)
                    .isNotEmpty()
                    .allSatisfy(
                            entry -> assertThat(entry).doesNotContain(secret).contains("\"client_secret\": \"set\""));
            String row = owner.with(jdbc -> jdbc.queryForObject(
                    "select settings::text || encode(secrets, 'escape') from installation.connections"
                            + " where kind = 'social:linkedin'",
                    String.class));
            assertThat(row).contains("renamed-linkedin-app").doesNotContain(secret);
        } finally {
            api.delete(kind, Api.ADMIN);
        }
    }

    @Test
    void badSettingsAreRefusedFieldByField() {
        var bad = api.put(SMTP, Api.ADMIN, """
                {"host": "not a host!", "port": "99999", "from": "nobody", "starttls": "maybe", "colour": "red"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.json())).containsExactlyInAnyOrder("host", "port", "from", "starttls", "colour");

        var missing = api.put("/api/v1/admin/connections/social:x", Api.ADMIN, """
                {"client_id": "has spaces"}""");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing.json())).containsExactlyInAnyOrder("client_id", "client_secret");

        assertThat(api.put(SMTP, Api.ADMIN, """
                        {"host": {"nested": true}}""").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/admin/connections/fax", Api.ADMIN, "{}").status())
                .isEqualTo(404);
        assertThat(api.get(SMTP, Api.ADMIN).json().get("stored").asBoolean()).isFalse();
    }

    @Test
    void onlyPlatformAdminsSeeOrChangeConnections() {
        String member = accounts.owner().accessToken();

        assertThat(api.get("/api/v1/admin/connections", member).status()).isEqualTo(403);
        assertThat(api.put(SMTP, member, """
                        {"host": "smtp.example.com", "port": "25"}""").status()).isEqualTo(403);
        assertThat(api.delete(SMTP, member).status()).isEqualTo(403);
        assertThat(api.get(SMTP, Api.ADMIN).json().get("stored").asBoolean()).isFalse();
    }

    /** Hides the test mail server's settings from the environment, as on an installation without them. */
    private void withoutSmtpInTheEnvironment() {
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("noSmtpInTheEnvironment", Map.of("spring.mail.host", "")));
    }

    private String statusWhenDone(UUID mail) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String status = owner.with(jdbc ->
                    jdbc.queryForObject("select status from platform.mail_outbox where id = ?", String.class, mail));
            if (!"pending".equals(status)) {
                return status;
            }
            sleep();
        }
        return "pending";
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String fromOf(MimeMessage message) {
        try {
            return ((InternetAddress) message.getFrom()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode setting(JsonNode connection, String name) {
        return connection
                .get("settings")
                .valueStream()
                .filter(setting -> setting.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }
}
