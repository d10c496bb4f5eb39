package io.reach.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for requests refused before they reach the application (a malformed
 * URL, oversized headers): a problem document instead of Tomcat's HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        String title = resolved == null ? "Error" : Problems.sentenceCase(resolved.getReasonPhrase());
        String requestId = UUID.randomUUID().toString();
        java.net.URI instance = Problems.instance(request.getRequestURI());
        String body = """
                {"type":"%s","title":"%s","status":%d,"detail":"%s",%s"request_id":"%s"}""".formatted(
                Problems.TYPE_BASE + Problems.slug(title),
                title,
                status,
                status >= 500 ? "The server could not process the request" : "The request could not be understood",
                instance == null ? "" : "\"instance\":\"" + jsonEscaped(instance.toString()) + "\",",
                requestId);
        try {
            response.setContentType("application/problem+json");
            response.setHeader(RequestIdFilter.HEADER, requestId);
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client has gone; nothing more to tell it
        }
    }

    /** The instance is the client's own (malformed) path: quotes, backslashes and controls must not break the document. */
    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
