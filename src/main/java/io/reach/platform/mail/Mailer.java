package io.reach.platform.mail;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.reach.platform.ids.Ids;

/**
 * Queues an e-mail in the outbox, in the caller's transaction: the mail exists exactly when the
 * change that caused it commits. Delivery starts right after the commit and is retried by
 * {@link MailDelivery}'s scheduled task.
 */
@Component
public class Mailer {

    private static final String QUEUE = """
            insert into platform.mail_outbox (id, recipient, subject, body, status, created_at)
            values (:id, :recipient, :subject, :body, 'pending', :now)""";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final MailDelivery delivery;

    Mailer(JdbcClient jdbc, Ids ids, Clock clock, MailDelivery delivery) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.delivery = delivery;
    }

    public UUID send(String recipient, String subject, String body) {
        UUID id = ids.next();
        jdbc.sql(QUEUE).param("id", id).param("recipient", recipient).param("subject", subject).param("body", body)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.ofVirtual().name("mail-" + id).start(delivery::deliverPending);
                }
            });
        } else {
            Thread.ofVirtual().name("mail-" + id).start(delivery::deliverPending);
        }
        return id;
    }
}
