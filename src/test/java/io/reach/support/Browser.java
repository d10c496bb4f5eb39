package io.reach.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A console visitor over plain HTTP: keeps its cookies like a browser, follows no redirects (the
 * tests look at them), and sends the CSRF token of the last page it read with each form it posts.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf = "";

    public Browser(Api api) {
        this.base = api.baseUrl();
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A browser that signed in to the console as {@code person} (password {@link Accounts#PASSWORD}). */
    public static Browser signedIn(Api api, Accounts.SignedIn person) {
        return signedIn(api, person.email());
    }

    /** A browser that signed in to the console with {@code email} and {@link Accounts#PASSWORD}. */
    public static Browser signedIn(Api api, String email) {
        return signedIn(api, email, Accounts.PASSWORD);
    }

    /** A browser that signed in to the console with {@code email} and {@code password}. */
    public static Browser signedIn(Api api, String email, String password) {
        Browser browser = new Browser(api);
        browser.get("/sign-in");
        var signedIn = browser.post("/sign-in", Map.of("email", email, "password", password));
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("Sign-in refused: " + signedIn.statusCode() + " " + signedIn.body());
        }
        browser.get("/");
        return browser;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Posts the form with the CSRF token of the last page read (as the page's form would). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        return postExactly(path, all);
    }

    /** Posts exactly these fields: no CSRF token unless given. */
    public HttpResponse<String> postExactly(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Posts a multipart form with one file (as a form with a file input would), with the CSRF token of the last page. */
    public HttpResponse<String> upload(
            String path, Map<String, String> fields, String fileField, String fileName, String content) {
        String boundary = "----reach" + System.nanoTime();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        StringBuilder body = new StringBuilder();
        all.forEach((name, value) -> body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(fileField)
                .append("\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** The value of the session cookie this browser holds, if any. */
    public Optional<String> session() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("reach_session"))
                .map(cookie -> cookie.getValue())
                .findFirst();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
