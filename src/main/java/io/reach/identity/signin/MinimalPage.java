package io.reach.identity.signin;

import io.reach.platform.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * How the minimal pages (until the console takes over) are written: plain HTML forms posting to
 * this server, no script (the policy forbids it), everything shown escaped, no referrer, never
 * cached, never framed. Links between them are fixed paths of this server, never taken from a request.
 */
final class MinimalPage {

    private static final String POLICY =
            "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final int MAX_TOKEN = 200;

    private MinimalPage() {}

    static boolean validToken(@Nullable String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN;
    }

    static ResponseEntity<String> noToken(String title) {
        return page(
                HttpStatus.BAD_REQUEST,
                title,
                "<p>This link has no valid token. Open the link from the mail again.</p>");
    }

    /** A form posting {@code hidden} values (escaped) and the given {@code fields} (fixed markup) to {@code action}. */
    static ResponseEntity<String> form(
            String title, String action, Map<String, String> hidden, String fields, String button) {
        return page(HttpStatus.OK, title, formMarkup(action, hidden, fields, button));
    }

    static String formMarkup(String action, Map<String, String> hidden, String fields, String button) {
        String values = hidden.entrySet().stream()
                .map(field -> "<input type=\"hidden\" name=\"%s\" value=\"%s\">\n"
                        .formatted(escape(field.getKey()), escape(field.getValue())))
                .collect(Collectors.joining());
        return """
                <form method="post" action="%s">
                %s%s<p><button type="submit">%s</button></p>
                </form>
                """.formatted(escape(action), values, fields, escape(button));
    }

    /** The page a token link opens: its token in a form posted back, so opening the link changes nothing. */
    static ResponseEntity<String> tokenForm(
            String title, String action, @Nullable String token, String fields, String button) {
        return validToken(token) ? form(title, action, Map.of("token", token), fields, button) : noToken(title);
    }

    /** Does what a posted token asks; says what happened, then offers to sign in. */
    static ResponseEntity<String> tokenOutcome(String title, @Nullable String token, Function<String, String> work) {
        if (token == null || !validToken(token)) {
            return noToken(title);
        }
        return outcome(title, token, work);
    }

    private static ResponseEntity<String> outcome(String title, String token, Function<String, String> work) {
        return attempt(
                title, () -> "<p>" + escape(work.apply(token)) + "</p>\n<p><a href=\"/sign-in\">Sign in</a></p>");
    }

    /** Shows the markup {@code work} returns, or why the API refused the request. */
    static ResponseEntity<String> attempt(String title, Supplier<String> work) {
        try {
            return page(HttpStatus.OK, title, work.get());
        } catch (ApiException e) {
            return page(e.status(), title, "<p>" + escape(e.title()) + ": " + escape(e.getMessage()) + "</p>");
        } catch (IllegalArgumentException e) {
            return page(HttpStatus.BAD_REQUEST, title, "<p>" + escape(e.getMessage()) + "</p>");
        }
    }

    static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta name="referrer" content="no-referrer"><title>%s – Reach</title></head>
                <body><main><h1>%s</h1>
                %s</main></body></html>
                """.formatted(escape(title), escape(title), body);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Frame-Options", "DENY")
                .body(html);
    }

    static String escape(@Nullable String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
