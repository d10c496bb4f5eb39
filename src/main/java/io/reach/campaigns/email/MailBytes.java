package io.reach.campaigns.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes one message in the form it travels in (RFC 5322 headers, MIME parts, CRLF line ends), straight
 * into bytes. Jakarta Mail's {@code MimeMessage} builds a header table, scans each part for its transfer
 * encoding when saved, then writes every body byte by byte through its stream filters: that was most of a
 * campaign message's CPU. Here each text part is scanned once and written in one piece. Header values come
 * in already encoded (Jakarta Mail's {@code MimeUtility} and {@code InternetAddress} do that) and are folded
 * here: {@code MimeUtility.fold} allocated an 8 KB reader for every header it looked at.
 */
final class MailBytes {

    /** RFC 5322 2.1.1: a line must not be longer than 998 characters, CRLF excluded. */
    private static final int LONGEST_LINE = 998;

    /** Lines are folded to stay within 78 characters, as RFC 5322 2.1.1 recommends. */
    private static final int FOLD_AT = 78;

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\r\\n]+");

    private static final byte[] CRLF = {'\r', '\n'};
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, CRLF);

    /** How a text part's body is written (RFC 2045 section 6). */
    enum TransferEncoding {
        /** ASCII in lines of at most 998 characters: written as it is. */
        SEVEN_BIT("7bit"),
        /** Mostly ASCII: readable where it is ASCII. */
        QUOTED_PRINTABLE("quoted-printable"),
        /** Mostly other characters (a text in Japanese, say), where quoted-printable would triple its size. */
        BASE64("base64");

        final String token;

        TransferEncoding(String token) {
            this.token = token;
        }

        /** The encoding for {@code body}, which must not contain {@code boundary} when written as it is. */
        static TransferEncoding of(byte[] body, String boundary) {
            int nonAscii = 0;
            int line = 0;
            int longest = 0;
            for (byte b : body) {
                if (b == '\n' || b == '\r') {
                    longest = Math.max(longest, line);
                    line = 0;
                } else {
                    line++;
                    if (b <= 0) { // beyond ASCII, or NUL, which 7bit must not carry either
                        nonAscii++;
                    }
                }
            }
            longest = Math.max(longest, line);
            if (nonAscii == 0) {
                // a line that looks like the boundary would end the part early; quoted-printable writes '=' as =3D
                return longest <= LONGEST_LINE && !contains(body, boundary) ? SEVEN_BIT : QUOTED_PRINTABLE;
            }
            return nonAscii * 3 > body.length ? BASE64 : QUOTED_PRINTABLE;
        }

        /** Whether the ASCII {@code boundary} occurs in {@code body}, without a copy of the body. */
        static boolean contains(byte[] body, String boundary) {
            byte first = (byte) boundary.charAt(0);
            for (int at = 0; at <= body.length - boundary.length(); at++) {
                if (body[at] == first && startsWith(body, at, boundary)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean startsWith(byte[] body, int at, String text) {
            for (int i = 1; i < text.length(); i++) {
                if (body[at + i] != (byte) text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Buffer out = new Buffer();
    private boolean afterBody;

    /**
     * Adds {@code name: value}, its line breaks made spaces (a value can never add a header of its own) and
     * folded before whitespace to keep lines within 78 characters where the value allows (RFC 5322 2.2.3).
     */
    MailBytes header(String name, String value) {
        ascii(name);
        ascii(": ");
        ascii(folded(name.length() + 2, value));
        out.write(CRLF);
        return this;
    }

    /** {@code value} on one line, or several whose continuations start with the whitespace they were folded at. */
    static String folded(int used, String value) {
        String line = value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value : value.replaceAll("[\r\n]+", " ");
        if (used + line.length() <= FOLD_AT) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        int start = 0;
        int room = FOLD_AT - used;
        while (line.length() - start > room) {
            int at = lastWhitespace(line, start + 1, start + room);
            if (at < 0) {
                at = nextWhitespace(line, start + room + 1);
            }
            if (at < 0) {
                break; // one word longer than a line: it stays whole
            }
            out.append(line, start, at).append("\r\n");
            start = at;
            room = FOLD_AT;
        }
        return out.append(line, start, line.length()).toString();
    }

    private static int lastWhitespace(String line, int from, int to) {
        for (int i = Math.min(to, line.length() - 1); i >= from; i--) {
            if (line.charAt(i) == ' ' || line.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static int nextWhitespace(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == ' ' || line.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    /** Ends the headers of the message or of a part. */
    MailBytes endHeaders() {
        out.write(CRLF);
        return this;
    }

    /**
     * Adds a {@code text/subtype} part's headers and body, in UTF-8, with the encoding its text needs. The body
     * ends where the text does: at the end of the message, or at the next delimiter.
     */
    MailBytes text(String subtype, String text, String boundary) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        TransferEncoding encoding = TransferEncoding.of(body, boundary);
        header("Content-Type", "text/" + subtype + "; charset=UTF-8");
        header("Content-Transfer-Encoding", encoding.token);
        endHeaders();
        switch (encoding) {
            case SEVEN_BIT -> withCrlf(body);
            case QUOTED_PRINTABLE -> quotedPrintable(body);
            case BASE64 -> out.write(BASE64.encode(body));
        }
        afterBody = true;
        return this;
    }

    /** Starts the next part of a multipart body. */
    MailBytes delimiter(String boundary) {
        return delimiterLine("--" + boundary);
    }

    /** Ends a multipart body. */
    MailBytes closeDelimiter(String boundary) {
        return delimiterLine("--" + boundary + "--");
    }

    /** RFC 2046 5.1.1: the CRLF before a delimiter belongs to the delimiter, not to the part's text before it. */
    private MailBytes delimiterLine(String line) {
        if (afterBody) {
            out.write(CRLF);
            afterBody = false;
        }
        ascii(line);
        out.write(CRLF);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void ascii(String text) {
        out.ascii(text);
    }

    /** The body with every line end (CR, LF or CRLF) written as CRLF, and no line end added after the last line. */
    private void withCrlf(byte[] body) {
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\r' || body[i] == '\n') {
                out.write(body, start, i - start);
                out.write(CRLF);
                if (body[i] == '\r' && i + 1 < body.length && body[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.write(body, start, body.length - start);
    }

    private void quotedPrintable(byte[] body) {
        try {
            OutputStream encoder = MimeUtility.encode(out, TransferEncoding.QUOTED_PRINTABLE.token);
            encoder.write(body);
            encoder.flush();
        } catch (MessagingException e) {
            throw new IllegalStateException("Jakarta Mail has no quoted-printable encoder", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message's bytes as they are written: a growing array, unsynchronised ({@code ByteArrayOutputStream}
     * locks on every write), taking ASCII text without encoding it into an array of its own first.
     */
    private static final class Buffer extends OutputStream {

        private byte[] bytes = new byte[2_048];
        private int size;

        @Override
        public void write(int b) {
            room(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void ascii(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                bytes[size++] = c <= 0xFF ? (byte) c : (byte) '?'; // as ISO-8859-1 encodes it
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
