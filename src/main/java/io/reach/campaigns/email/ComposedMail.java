package io.reach.campaigns.email;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One recipient's message, composed: its envelope, and its bytes as they go over SMTP ({@link MailBytes}). */
record ComposedMail(String messageId, InternetAddress from, InternetAddress to, String subject, byte[] bytes) {

    /**
     * The message in the form Jakarta Mail's SMTP transport sends, for one connection: it carries one composed
     * mail at a time, so that a message's header table (some thirty placeholders a {@code MimeMessage} makes
     * when built) is not made again for every recipient. The transport reads its sender (for {@code MAIL
     * FROM}) and subject, and writes the bytes as they are; its own header table stays empty.
     */
    static final class Wire extends MimeMessage {

        private @Nullable ComposedMail mail;

        Wire(Session session) {
            super(session);
        }

        /** This message, now standing for {@code next}. */
        Wire carrying(ComposedMail next) {
            this.mail = next;
            return this;
        }

        private ComposedMail mail() {
            return Objects.requireNonNull(mail, "no mail is being sent");
        }

        @Override
        public Address[] getFrom() {
            return new Address[] {mail().from()};
        }

        @Override
        public Address[] getAllRecipients() {
            return new Address[] {mail().to()};
        }

        @Override
        public String getSubject() {
            return mail().subject();
        }

        @Override
        public String getMessageID() {
            return mail().messageId();
        }

        /** Nothing is re-encoded: the transport converts parts to 8bit (mail.smtp.allow8bitmime) only for these. */
        @Override
        public boolean isMimeType(String mimeType) {
            return false;
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws java.io.IOException {
            os.write(mail().bytes());
        }

        @Override
        public void writeTo(OutputStream os) throws java.io.IOException {
            os.write(mail().bytes());
        }
    }
}
