package io.reach.campaigns.email;

import io.reach.campaigns.sending.Carrier;
import io.reach.campaigns.sending.EmailSendStatus;
import io.reach.campaigns.sending.QueuedSend;
import io.reach.campaigns.sending.SendOutcome;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection of a sending run, kept open for message after message.
 *
 * <p>A message goes out without first asking the server whether the connection is alive: Jakarta Mail's
 * {@code isConnected()} asks with a {@code NOOP}, and asking before every message cost a fifth of the
 * exchange's round trips. The connection is checked that way only where it may have gone: after it has been
 * idle for {@link #IDLE_CHECK} (servers close idle connections, RFC 5321 4.5.3.2.7) and after a message
 * failed on it. A server that ends a connection at the next {@code MAIL FROM} (with {@code 421}, or by
 * closing it, as servers that take a limited number of messages per connection do) had not begun taking that
 * message, so it is sent again once on a new connection: never a message twice.
 */
final class SmtpLine implements Carrier.Line {

    /** How long a connection may sit unused before it is checked before the next message. */
    static final Duration IDLE_CHECK = Duration.ofSeconds(10);

    private final JavaMailSenderImpl server;
    private final EmailComposer composer;
    private final Clock clock;
    private final Session session;
    private final Transport transport;
    private final ComposedMail.Wire wire;
    /** When the connection last carried a message or was opened ({@code System.nanoTime()}). */
    private long lastUsed;

    /** Whether a message failed on the connection since then (or is going out now). */
    private boolean doubtful;

    SmtpLine(JavaMailSenderImpl server, EmailComposer composer, Clock clock) throws MessagingException {
        this.server = server;
        this.composer = composer;
        this.clock = clock;
        this.session = server.getSession();
        this.transport = session.getTransport(server.getProtocol() == null ? "smtp" : server.getProtocol());
        connect();
        this.wire = new ComposedMail.Wire(session);
    }

    @Override
    public SendOutcome deliver(QueuedSend send) {
        try {
            return SendOutcome.accepted(send, EmailSendStatus.SENT, send(send), null, clock.instant());
        } catch (SendFailedException e) {
            return SendOutcome.failed(send, "refused by the SMTP server: " + e.getMessage(), clock.instant());
        } catch (MessagingException | RuntimeException e) {
            return SendOutcome.failed(send, "not sent: " + e.getMessage(), clock.instant());
        }
    }

    /** Sends {@code send}'s message; its Message-ID. */
    String send(QueuedSend send) throws MessagingException {
        ComposedMail mail = composer.compose(send);
        if ((doubtful || System.nanoTime() - lastUsed > IDLE_CHECK.toNanos()) && !transport.isConnected()) {
            connect();
        }
        try {
            transmit(mail);
        } catch (SMTPSendFailedException e) {
            if (!endedBeforeTheMessage(e)) {
                throw e;
            }
            closeQuietly();
            connect();
            transmit(mail);
        }
        return mail.messageId();
    }

    private void transmit(ComposedMail mail) throws MessagingException {
        doubtful = true;
        transport.sendMessage(wire.carrying(mail), new Address[] {mail.to()});
        doubtful = false;
        lastUsed = System.nanoTime();
    }

    /** The server closed the connection (421, or no answer at all) when asked to begin the message. */
    private static boolean endedBeforeTheMessage(SMTPSendFailedException e) {
        return e.getCommand() != null
                && e.getCommand().regionMatches(true, 0, "MAIL FROM", 0, 9)
                && (e.getReturnCode() == 421 || e.getReturnCode() == -1);
    }

    private void connect() throws MessagingException {
        transport.connect(server.getHost(), server.getPort(), server.getUsername(), server.getPassword());
        doubtful = false;
        lastUsed = System.nanoTime();
    }

    private void closeQuietly() {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the connection is gone either way
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
