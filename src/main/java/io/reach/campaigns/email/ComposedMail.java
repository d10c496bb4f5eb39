package io.reach.campaigns.email;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;

/** One recipient's message, composed: its envelope, and its bytes as they go over SMTP ({@link MailBytes}). */
record ComposedMail(String messageId, InternetAddress from, InternetAddress to, String subject, byte[] bytes) {

    /** The message in the form Jakarta Mail's SMTP transport sends. */
    MimeMessage forTransport(Session session) {
        return new WireMessage(session, this);
    }

    /**
     * A message whose bytes are final: the transport reads its sender (for {@code MAIL FROM}) and subject,
     * and writes the bytes as they are. Its own header table stays empty.
     */
    private static final class WireMessage extends MimeMessage {

        private final ComposedMail mail;

        WireMessage(Session session, ComposedMail mail) {
            super(session);
            this.mail = mail;
        }

        @Override
        public Address[] getFrom() {
            return new Address[] {mail.from()};
        }

        @Override
        public Address[] getAllRecipients() {
            return new Address[] {mail.to()};
        }

        @Override
        public String getSubject() {
            return mail.subject();
        }

        @Override
        public String getMessageID() {
            return mail.messageId();
        }

        /** Nothing is re-encoded: the transport converts parts to 8bit (mail.smtp.allow8bitmime) only for these. */
        @Override
        public boolean isMimeType(String mimeType) {
            return false;
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws java.io.IOException {
            os.write(mail.bytes());
        }

        @Override
        public void writeTo(OutputStream os) throws java.io.IOException {
            os.write(mail.bytes());
        }
    }
}
