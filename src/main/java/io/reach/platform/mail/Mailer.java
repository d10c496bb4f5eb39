package io.reach.platform.mail;

import io.reach.platform.crypto.SecretBox;
import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues an e-mail in the outbox, in the caller's transaction: the mail exists exactly when the
 * change that caused it commits. Delivery starts right after the commit and is retried by
 * {@link MailDelivery}'s scheduled task. The body, which may carry a one-time link, is stored
 * sealed with the {@link SecretBox} keyset and bound to its row; the subject names the mail's kind
 * and must hold no secret.
 */
@Component
public class Mailer {

    private static final String QUEUE = """
            insert into platform.mail_outbox (id, recipient, subject, body_sealed, status, created_at)
            values (:id, :recipient, :subject, :sealed, 'pending', :now)""";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final MailDelivery delivery;
    private final SecretBox box;

    Mailer(JdbcClient jdbc, Ids ids, Clock clock, MailDelivery delivery, SecretBox box) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.delivery = delivery;
        this.box = box;
    }

    public UUID send(String recipient, String subject, String body) {
        UUID id = ids.next();
        jdbc.sql(QUEUE)
                .param("id", id)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("sealed", box.encrypt(body.getBytes(StandardCharsets.UTF_8), MailDelivery.associatedData(id)))
                .param("now", UtcTimes.utc(clock.instant()))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.ofVirtual().name("mail-" + id).start(() -> delivery.deliver(id));
                }
            });
        } else {
            Thread.ofVirtual().name("mail-" + id).start(() -> delivery.deliver(id));
        }
        return id;
    }
}
