package io.reach.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Sends what the outbox holds. With SMTP configured ({@code spring.mail.host}) each pending mail
 * is sent and marked sent (its body, which may carry one-time links, is then removed), or retried
 * up to five times. Without SMTP, mails are marked kept and
 * written to the log (a development default: the log then holds the links they carry).
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int MAX_ATTEMPTS = 5;

    private static final String PENDING = """
            select id, recipient, subject, body from platform.mail_outbox
            where status = 'pending' order by created_at limit 50 for update skip locked""";
    private static final String MARK = """
            update platform.mail_outbox set status = :status, attempts = attempts + 1, last_error = :error,
                sent_at = case when :status = 'sent' then :now else sent_at end,
                body = case when :status = 'sent' then '(delivered; body removed)' else body end
            where id = :id""";

    private final JdbcClient jdbc;
    private final @Nullable JavaMailSender sender;
    private final String from;
    private final Clock clock;
    private final TransactionTemplate transactions;

    MailDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, @Value("${reach.mail.from:reach@localhost}") String from,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.sender = sender.getIfAvailable();
        this.from = from;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Sends (or keeps) every pending mail; safe to run on many nodes at once (rows are locked, skipped by others). */
    public void deliverPending() {
        transactions.executeWithoutResult(status -> jdbc.sql(PENDING).query(OutgoingMail.class).list()
                .forEach(this::deliver));
    }

    private void deliver(OutgoingMail mail) {
        if (sender == null) {
            log.info("No SMTP server configured; keeping mail {} to {} ({}):\n{}", mail.id(), mail.recipient(),
                    mail.subject(), mail.body());
            mark(mail.id(), "kept", null);
            return;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.recipient());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            sender.send(message);
            mark(mail.id(), "sent", null);
        } catch (MailException e) {
            log.warn("Mail {} to {} not sent: {}", mail.id(), mail.recipient(), e.getMessage());
            int attempts = jdbc.sql("select attempts from platform.mail_outbox where id = :id").param("id", mail.id())
                    .query(Integer.class).single();
            mark(mail.id(), attempts + 1 >= MAX_ATTEMPTS ? "failed" : "pending", e.getMessage());
        }
    }

    private void mark(UUID id, String status, @Nullable String error) {
        jdbc.sql(MARK).param("id", id).param("status", status).param("error", error)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    record OutgoingMail(UUID id, String recipient, String subject, String body) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> mailOutboxDeliveryTask(MailDelivery delivery) {
            return Tasks.recurring("mail-outbox-delivery", FixedDelay.of(Duration.ofSeconds(30)))
                    .execute((instance, context) -> delivery.deliverPending());
        }
    }
}
