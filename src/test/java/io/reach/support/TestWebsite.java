package io.reach.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A customer's website on another loopback port: every path answers the same small page, which
 * carries the snippet set with {@link #pasteIntoHead} (Reach's tracking script tag) and a button that
 * navigates the way a single-page application does, with {@code history.pushState}.
 */
public final class TestWebsite implements AutoCloseable {

    private final HttpServer server;
    private volatile String head = "";

    public TestWebsite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            byte[] page = page(head);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (var body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
    }

    /** What the site's owner pastes just before {@code </head>}. */
    public void pasteIntoHead(String snippet) {
        head = snippet;
    }

    private static byte[] page(String headSnippet) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Acme Shoes</title>
                %s
                </head><body>
                <h1>Acme Shoes</h1>
                <a href="/pricing">Pricing</a>
                <button id="spa" type="button">Annual plans</button>
                <script>
                document.getElementById('spa').addEventListener('click', function () {
                  history.pushState({}, '', '/pricing/annual');
                });
                </script>
                </body></html>
                """.formatted(headSnippet).getBytes(StandardCharsets.UTF_8);
    }

    /** The site's origin, e.g. {@code http://127.0.0.1:41234}: the one to allow on the site key. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
