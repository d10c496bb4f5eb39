package io.reach.support;

import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import tools.jackson.databind.JsonNode;

/** Signs people up through the API, verified and signed in, for tests that need real users. */
@TestComponent
public class Accounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final Api api;

    public Accounts(Api api) {
        this.api = api;
    }

    /** A new user owning a new workspace, signed in. */
    public SignedIn owner() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        JsonNode signedUp = api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "tenant_name": "Workspace of %s"}""".formatted(email, PASSWORD, email))
                .json();
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();
        api.post("/api/v1/auth/verify-email", null, "{\"token\": \"%s\"}".formatted(token));
        JsonNode session = api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD))
                .json();
        return new SignedIn(
                email,
                UUID.fromString(signedUp.get("user_id").asString()),
                UUID.fromString(signedUp.get("tenant_id").asString()),
                session.get("access_token").asString(),
                session.get("refresh_token").asString());
    }

    /** A new API key of {@code who}'s workspace that may write events ({@code ingest:write}), named {@code name}. */
    public String ingestKey(SignedIn who, String name) {
        return api.post(
                        "/api/v1/api-keys",
                        who.accessToken(),
                        "{\"name\": \"" + name + "\", \"scopes\": [\"ingest:write\"]}")
                .json()
                .get("key")
                .asString();
    }

    /** A new user who joins {@code workspace} with {@code role}, signed in there; returns the access token. */
    public String member(SignedIn workspace, String role, Fixtures fixtures) {
        SignedIn person = owner();
        fixtures.addMember(workspace.tenantId(), person.userId(), role);
        return api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"%s\", \"tenant_id\": \"%s\"}"
                                .formatted(person.email(), PASSWORD, workspace.tenantId()))
                .json()
                .get("access_token")
                .asString();
    }

    public record SignedIn(String email, UUID userId, UUID tenantId, String accessToken, String refreshToken) {}
}
