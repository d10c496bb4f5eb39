package io.reach.platform.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.InstallationSettings;
import io.reach.platform.crypto.SecretBox;
import io.reach.platform.time.UtcTimes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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

/**
 * Sends what the outbox holds. With SMTP configured ({@code spring.mail.host}, or a server a
 * platform admin stored: {@link MailServer}, asked at each send) each pending mail
 * is sent and marked sent, or retried up to five times and then marked failed; either way its
 * sealed body, which may carry one-time links, is then removed. Without SMTP, mails are marked kept.
 *
 * <p>The log names a mail's recipient and kind (its subject), never its body, unless
 * {@code reach.mail.log-bodies} asks for it: a development aid, on by default only when no SMTP
 * server is configured (so the links of sign-up mails kept for want of one can be followed), and
 * announced with a warning at start.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int MAX_ATTEMPTS = 5;

    private static final String PENDING = """
            select id, recipient, subject, body, body_sealed from platform.mail_outbox
            where status = 'pending' order by created_at limit 50 for update skip locked""";
    private static final String ONE_PENDING = """
            select id, recipient, subject, body, body_sealed from platform.mail_outbox
            where id = :id and status = 'pending' for update skip locked""";
    private static final String MARK = """
            update platform.mail_outbox set status = :status, attempts = attempts + 1, last_error = :error,
                sent_at = case when :status = 'sent' then :now else sent_at end,
                body = case when :status = 'pending' then body end,
                body_sealed = case when :status in ('pending', 'kept') then body_sealed end
            where id = :id""";

    private final JdbcClient jdbc;
    private final Supplier<Optional<? extends JavaMailSender>> sender;
    private final Supplier<String> from;
    private final @Nullable Boolean logBodies;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SecretBox box;

    /** Sends through the {@link MailServer} configured at the time of each send. */
    @Autowired
    MailDelivery(
            JdbcClient jdbc,
            MailServer server,
            @Value("${reach.mail.log-bodies:#{null}}") @Nullable Boolean logBodies,
            Clock clock,
            PlatformTransactionManager transactionManager,
            SecretBox box,
            InstallationSettings settings) {
        this(
                jdbc,
                server::current,
                server::from,
                logBodies,
                !settings.fromEnvironment(ConnectionKind.SMTP),
                clock,
                transactionManager,
                box);
    }

    /** Sends through one fixed sender, if any, from {@code from}. */
    MailDelivery(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> sender,
            String from,
            @Nullable Boolean logBodies,
            Clock clock,
            PlatformTransactionManager transactionManager,
            SecretBox box) {
        this(
                jdbc,
                () -> Optional.ofNullable(sender.getIfAvailable()),
                () -> from,
                logBodies,
                sender.getIfAvailable() == null,
                clock,
                transactionManager,
                box);
    }

    private MailDelivery(
            JdbcClient jdbc,
            Supplier<Optional<? extends JavaMailSender>> sender,
            Supplier<String> from,
            @Nullable Boolean logBodies,
            boolean noSmtpAtStart,
            Clock clock,
            PlatformTransactionManager transactionManager,
            SecretBox box) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.from = from;
        this.logBodies = logBodies;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.box = box;
        if (Boolean.TRUE.equals(logBodies) || (logBodies == null && noSmtpAtStart)) {
            log.warn("""

                    ********************************************************************************
                    reach.mail.log-bodies is on: every e-mail body, with its one-time sign-up,
                    password-reset and invitation links, is written to this log. Use it in
                    development only: configure SMTP (spring.mail.host) and leave
                    reach.mail.log-bodies unset or false anywhere else.
                    ********************************************************************************""");
        }
    }

    /** The associated data that binds a sealed body to its outbox row. */
    static String associatedData(UUID id) {
        return "platform.mail_outbox.body:" + id;
    }

    /** Sends (or keeps) every pending mail; safe to run on many nodes at once (rows are locked, skipped by others). */
    public void deliverPending() {
        transactions.executeWithoutResult(
                status -> jdbc.sql(PENDING).query(OutgoingMail.class).list().forEach(this::deliver));
    }

    /** Sends (or keeps) one mail right after it was queued, unless it is already gone or being sent. */
    void deliver(UUID id) {
        transactions.executeWithoutResult(status -> jdbc.sql(ONE_PENDING)
                .param("id", id)
                .query(OutgoingMail.class)
                .optional()
                .ifPresent(this::deliver));
    }

    private void deliver(OutgoingMail mail) {
        JavaMailSender sender = this.sender.get().orElse(null);
        if (sender == null) {
            keep(mail);
            return;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from.get());
            message.setTo(mail.recipient());
            message.setSubject(mail.subject());
            message.setText(bodyOf(mail));
            sender.send(message);
            mark(mail.id(), MailStatus.SENT, null);
            log.info("Sent mail {} to {} ({})", mail.id(), mail.recipient(), mail.subject());
            logBody(mail);
        } catch (MailException e) {
            log.warn("Mail {} to {} ({}) not sent: {}", mail.id(), mail.recipient(), mail.subject(), e.getMessage());
            int attempts = jdbc.sql("select attempts from platform.mail_outbox where id = :id")
                    .param("id", mail.id())
                    .query(Integer.class)
                    .single();
            mark(mail.id(), attempts + 1 >= MAX_ATTEMPTS ? MailStatus.FAILED : MailStatus.PENDING, e.getMessage());
        }
    }

    private void keep(OutgoingMail mail) {
        mark(mail.id(), MailStatus.KEPT, null);
        if (logBodies == null || logBodies) {
            log.info(
                    "No SMTP server configured; keeping mail {} to {} ({}):\n{}",
                    mail.id(),
                    mail.recipient(),
                    mail.subject(),
                    bodyOf(mail));
        } else {
            log.info(
                    "No SMTP server configured; keeping mail {} to {} ({}); its body is not logged"
                            + " (reach.mail.log-bodies=false)",
                    mail.id(),
                    mail.recipient(),
                    mail.subject());
        }
    }

    private void logBody(OutgoingMail mail) {
        if (Boolean.TRUE.equals(logBodies)) {
            log.info("Body of mail {} (reach.mail.log-bodies=true):\n{}", mail.id(), bodyOf(mail));
        }
    }

    /** The sealed body opened, or the clear body of a mail queued before bodies were sealed. */
    private String bodyOf(OutgoingMail mail) {
        if (mail.bodySealed() != null) {
            return new String(box.decrypt(mail.bodySealed(), associatedData(mail.id())), StandardCharsets.UTF_8);
        }
        return mail.body() == null ? "" : mail.body();
    }

    /** Ends an attempt on a pending mail (only pending mail is read for sending). */
    private void mark(UUID id, MailStatus status, @Nullable String error) {
        if (!MailStatus.PENDING.canMoveTo(status)) {
            throw new IllegalArgumentException("A pending mail cannot become " + status.code());
        }
        jdbc.sql(MARK)
                .param("id", id)
                .param("status", status.code())
                .param("error", error)
                .param("now", UtcTimes.utc(clock.instant()))
                .update();
    }

    record OutgoingMail(
            UUID id,
            String recipient,
            String subject,
            @Nullable String body,
            byte @Nullable [] bodySealed) {}

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> mailOutboxDeliveryTask(MailDelivery delivery) {
            return Tasks.recurring("mail-outbox-delivery", FixedDelay.of(Duration.ofSeconds(30)))
                    .execute((instance, context) -> delivery.deliverPending());
        }
    }
}
