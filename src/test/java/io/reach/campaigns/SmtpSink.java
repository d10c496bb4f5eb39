package io.reach.campaigns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A minimal SMTP server for benchmarks: accepts every message, counts it, keeps nothing. It
 * speaks just what a client needs (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), so what a
 * benchmark measures is the sender, not the sink's storage. It can also end each connection after a
 * number of messages, at the next {@code MAIL}, as servers with a per-connection limit do.
 */
public final class SmtpSink implements AutoCloseable {

    /** How a connection that has had its messages ends at the next {@code MAIL}. */
    public enum Ending {
        /** {@code 421}, then closed (Exim's {@code smtp_accept_max_per_connection}). */
        REPLY_421,
        /** Closed without a word, as a server that went away. */
        SILENT
    }

    private final ServerSocket server;
    private @Nullable Runnable unroute;
    private final int messagesPerConnection;
    private final Ending ending;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong noops = new AtomicLong();

    public SmtpSink() throws IOException {
        this(Integer.MAX_VALUE, Ending.REPLY_421);
    }

    /** A sink that ends each connection after {@code messagesPerConnection} messages. */
    public SmtpSink(int messagesPerConnection, Ending ending) throws IOException {
        this.messagesPerConnection = messagesPerConnection;
        this.ending = ending;
        server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("smtp-sink").start(this::accept);
    }

    /** This sink as {@code sender}'s SMTP server (and so Reach's), until it is closed. */
    public SmtpSink routing(JavaMailSender sender) {
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) sender;
        int before = smtp.getPort();
        smtp.setPort(port());
        unroute = () -> smtp.setPort(before);
        return this;
    }

    /** Connections opened so far. */
    public long connections() {
        return connections.get();
    }

    /** {@code NOOP} commands received so far. */
    public long noops() {
        return noops.get();
    }

    public int port() {
        return server.getLocalPort();
    }

    public long messages() {
        return messages.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65_536);
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            int taken = 0;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4
                        ? line.toUpperCase()
                        : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "MAIL" -> {
                        if (taken == messagesPerConnection) {
                            if (ending == Ending.REPLY_421) {
                                reply(out, "421 4.7.0 sink: too many messages on this connection");
                            }
                            return;
                        }
                        reply(out, "250 2.0.0 ok");
                    }
                    case "NOOP" -> {
                        noops.incrementAndGet();
                        reply(out, "250 2.0.0 ok");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message is read and dropped
                        }
                        messages.incrementAndGet();
                        taken++;
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 2.0.0 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (unroute != null) {
            unroute.run();
        }
        server.close();
    }
}
