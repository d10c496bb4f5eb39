package io.reach.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running application, with raw bodies so tests can send anything. */
@TestComponent
public class Api {

    public static final String ADMIN = "test-admin-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Environment environment;

    public Api(Environment environment) {
        this.environment = environment;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, List.of());
    }

    public Response post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, List.of(headers));
    }

    public Response put(String path, String token, String body) {
        return send("PUT", path, token, body, List.of());
    }

    public Response patch(String path, String token, String body) {
        return send("PATCH", path, token, body, List.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, List.of());
    }

    /** {@code headers} alternate names and values; a null token sends no Authorization header. */
    public Response send(String method, String path, String token, String body, List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        List<String> all = new ArrayList<>(headers);
        if (body != null && !all.contains("Content-Type")) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        if (token != null) {
            all.addAll(List.of("Authorization", "Bearer " + token));
        }
        for (int i = 0; i < all.size(); i += 2) {
            request.header(all.get(i), all.get(i + 1));
        }
        return execute(request.build());
    }

    public Response execute(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    /** The address Reach names itself by (mails, OAuth redirects, SMS callbacks) when no public URL is configured. */
    public String publicUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public record Response(HttpResponse<String> raw, JsonMapper mapper) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return mapper.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
