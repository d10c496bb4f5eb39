package io.reach.campaigns.sending;

import io.reach.support.Api;
import io.reach.support.Browser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Uploads a CSV file as the recipients page's form does: multipart, in the browser's session, with its page's CSRF token. */
final class CsvUploads {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private CsvUploads() {}

    static HttpResponse<String> upload(Api api, Browser browser, String path, byte[] csv) {
        Matcher token = CSRF.matcher(browser.get(path).body());
        String csrf = token.find() ? token.group(1) : "";
        String boundary = "----reach" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n");
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"recipients.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n");
        body.writeBytes(csv);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "reach_session=" + browser.session().orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
