package io.reach.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reach.platform.crypto.SecretBox;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One-time links travel by mail only: sealed in the outbox, gone once sent, never in the log. */
@ReachTest
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxSecrecyTest {

    @Autowired
    Api api;

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    SecretBox box;

    @Test
    void aQueuedMailIsStoredSealed() {
        String secret = "token=" + UUID.randomUUID();

        String stored = new TransactionTemplate(transactionManager).execute(status -> {
            UUID id = mailer.send(
                    "sealed-" + UUID.randomUUID() + "@example.com",
                    "Reset your Reach password",
                    "Open https://reach.example/reset?" + secret);
            String row = jdbc.sql("select t::text from platform.mail_outbox t where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            status.setRollbackOnly();
            return row;
        });

        assertThat(stored).doesNotContain(secret).doesNotContain("reach.example/reset");
    }

    @Test
    void aDeliveredSignUpMailLeavesNoTokenInTheOutboxOrTheLog(CapturedOutput output) {
        String email = "sealed-" + UUID.randomUUID() + "@example.com";
        api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "correct horse battery staple", "tenant_name": "Sealed"}""".formatted(email));
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();

        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(statusOf(email)));

        String row = jdbc.sql("select t::text from platform.mail_outbox t where recipient = :email")
                .param("email", email)
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(token);
        assertThat(jdbc.sql("select body is null from platform.mail_outbox where recipient = :email")
                        .param("email", email)
                        .query(Boolean.class)
                        .single())
                .as("the body is removed once sent")
                .isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains(email));
        assertThat(output.getAll()).contains("Confirm your e-mail address").doesNotContain(token);
    }

    @Test
    void withoutSmtpTheLogNamesRecipientAndKindButNotTheBody(CapturedOutput output) {
        MailDelivery keeping = withoutSmtp(false);
        String recipient = "kept-" + UUID.randomUUID() + "@example.com";
        String secret = "token=" + UUID.randomUUID();

        String row = new TransactionTemplate(transactionManager).execute(status -> {
            UUID id = queued(
                    recipient, "You are invited to a Reach workspace", "Accept: https://reach.example/join?" + secret);
            keeping.deliver(id);
            status.setRollbackOnly();
            return jdbc.sql("select status || ':' || (body is null) || ':' || (body_sealed is not null)"
                            + " from platform.mail_outbox where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
        });

        assertThat(row).as("kept, body still sealed, nothing in clear").isEqualTo("kept:true:true");
        assertThat(output.getAll())
                .contains(recipient)
                .contains("You are invited to a Reach workspace")
                .doesNotContain(secret);
    }

    @Test
    void withoutSmtpBodiesAreLoggedByDefaultAndThatIsSaidLoudly(CapturedOutput output) {
        MailDelivery keeping = withoutSmtp(null);
        String secret = "token=" + UUID.randomUUID();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            keeping.deliver(queued(
                    "dev-" + UUID.randomUUID() + "@example.com",
                    "Reset your Reach password",
                    "Open https://reach.example/reset?" + secret));
            status.setRollbackOnly();
        });

        assertThat(output.getAll())
                .contains("WARN")
                .contains("reach.mail.log-bodies is on")
                .contains(secret);
    }

    /** A delivery as a node without SMTP would have it; {@code logBodies} null means the setting is not given. */
    private MailDelivery withoutSmtp(@Nullable Boolean logBodies) {
        return new MailDelivery(
                jdbc,
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                "reach@localhost",
                logBodies,
                Clock.systemUTC(),
                transactionManager,
                box);
    }

    /** A pending mail written as {@link Mailer} writes it, but without starting the context's own delivery. */
    private UUID queued(String recipient, String subject, String body) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into platform.mail_outbox (id, recipient, subject, body_sealed, status, created_at)
                values (:id, :recipient, :subject, :sealed, 'pending', now())""")
                .param("id", id)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("sealed", box.encrypt(body.getBytes(StandardCharsets.UTF_8), MailDelivery.associatedData(id)))
                .update();
        return id;
    }

    private String statusOf(String email) {
        return jdbc.sql("select status from platform.mail_outbox where recipient = :email")
                .param("email", email)
                .query(String.class)
                .optional()
                .orElse("none");
    }
}
