package io.reach.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark client as light as a client can be, since it shares the machine's cores with the
 * server it measures: one keep-alive HTTP/1.1 connection writing prepared requests and reading
 * just enough of each answer (status and body) to know what happened.
 */
public final class BatchSender implements AutoCloseable {

    private static final Pattern STORED = Pattern.compile("\"stored\"\\s*:\\s*(\\d+)");

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    public BatchSender(int port) throws IOException {
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    /** A POST of the body to the path with a bearer key, as bytes ready to write. */
    public static byte[] request(String path, String key, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + content.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(content, 0, request, head.length, content.length);
        return request;
    }

    public record Answer(int status, String body) {
        public int stored() {
            Matcher matcher = STORED.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("No stored count in " + body);
            }
            return Integer.parseInt(matcher.group(1));
        }
    }

    public Answer send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true; // the server ends keep-alive (Tomcat: after 100 requests); the next request reconnects
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        Answer answer = new Answer(
                status,
                chunked ? chunkedBody() : new String(in.readNBytes(Math.max(0, length)), StandardCharsets.UTF_8));
        if (closing) {
            socket.close();
            connect();
        }
        return answer;
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
