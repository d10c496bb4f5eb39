package io.reach.api;

import io.reach.support.Accounts;
import io.reach.support.Api;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends requests to the running application as a signed-in workspace owner (the platform admin
 * for {@code /api/v1/admin/**}) and collects every answer that breaks the contract for bad
 * input: a 5xx, or a 4xx that is not an RFC 9457 problem. When a request signs its owner out (a
 * logout among the probes), the next requests go out as a new owner.
 */
final class ApiWalker {

    private final Api api;
    private final Accounts accounts;
    private final List<String> broken = new ArrayList<>();
    private Accounts.SignedIn owner;
    private int sent;

    ApiWalker(Api api, Accounts accounts) {
        this.api = api;
        this.accounts = accounts;
        this.owner = accounts.owner();
    }

    Accounts.SignedIn owner() {
        return owner;
    }

    Api.Response send(ApiOperations.Operation operation, String path, String contentType, String body) {
        String token = operation.admin() ? Api.ADMIN : owner.accessToken();
        String sentBody = body == null ? null : body.replace("\ud800", "\\ud800");
        List<String> headers = contentType == null ? List.of() : List.of("Content-Type", contentType);
        Api.Response response =
                api.send(operation.method().toUpperCase(java.util.Locale.ROOT), path, token, sentBody, headers);
        sent++;
        check(operation, path, body, response);
        if (response.status() == 401
                && !operation.admin()
                && api.get("/api/v1/me", token).status() == 401) {
            owner = accounts.owner();
        }
        return response;
    }

    private void check(ApiOperations.Operation operation, String path, String body, Api.Response response) {
        int status = response.status();
        String type = response.contentType() == null ? "" : response.contentType();
        boolean problem = type.startsWith("application/problem+json");
        if (status >= 500 || status >= 400 && !problem) {
            String shownBody =
                    body == null ? "" : " body " + (body.length() > 120 ? body.substring(0, 120) + "…" : body);
            String shownPath = path.length() > 160 ? path.substring(0, 160) + "…" : path;
            broken.add(operation.method().toUpperCase(java.util.Locale.ROOT) + " " + shownPath + shownBody + " → "
                    + status + " " + type + " " + abbreviated(response.body()));
        }
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Writes what broke to {@code target/<name>}, whole, for reading when the assertion's message is cut short. */
    void report(String name) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", name), broken);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<String> broken() {
        return broken;
    }

    int sent() {
        return sent;
    }
}
