package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Sign-up to sign-out through HTTP, with the mails read from a real SMTP server. */
@ReachTest
class AuthFlowTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    Api api;

    @Autowired
    OwnerDatabase owner;

    @Test
    void signUpVerifySignInRefreshAndSignOut() {
        String email = uniqueEmail();
        var signedUp = api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "name": "Ada Lovelace", "first_name": "Ada", "last_name": "Lovelace",
                 "tenant_name": "Analytical Engines"}""".formatted(email, PASSWORD));
        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(signedUp.json().get("email_verified").asBoolean()).isFalse();

        assertThat(login(email, PASSWORD).json().get("title").asString()).isEqualTo("Email not verified");

        String verification = TestMailServer.tokenInMail(email, 1).orElseThrow();
        assertThat(api.post("/api/v1/auth/verify-email", null, token(verification))
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/verify-email", null, token(verification))
                        .status())
                .isEqualTo(400);

        JsonNode session = login(email, PASSWORD).json();
        assertThat(session.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(session.get("expires_in").asInt()).isEqualTo(900);
        String access = session.get("access_token").asString();

        JsonNode me = api.get("/api/v1/me", access).json();
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("tenant_id").asString())
                .isEqualTo(signedUp.json().get("tenant_id").asString());
        assertThat(me.get("tenant_role").asString()).isEqualTo("owner");
        assertThat(me.get("last_login_at").isNull()).isFalse();

        String firstRefresh = session.get("refresh_token").asString();
        var refreshed = api.post("/api/v1/auth/refresh", null, refreshBody(firstRefresh));
        assertThat(refreshed.status()).isEqualTo(200);
        String secondRefresh = refreshed.json().get("refresh_token").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(api.get("/api/v1/me", refreshed.json().get("access_token").asString())
                        .status())
                .isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout", null, refreshBody(secondRefresh))
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/refresh", null, refreshBody(secondRefresh))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void reusingARefreshTokenRevokesItsWholeFamily() {
        String email = verifiedUser();
        String first = login(email, PASSWORD).json().get("refresh_token").asString();
        String second = api.post("/api/v1/auth/refresh", null, refreshBody(first))
                .json()
                .get("refresh_token")
                .asString();

        var replay = api.post("/api/v1/auth/refresh", null, refreshBody(first));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null, refreshBody(second)).status())
                .isEqualTo(401);
        assertThat(securityEvents("refresh_token.reused", email)).isEqualTo(1);
    }

    @Test
    void aPasswordResetSetsTheNewPasswordAndEndsEverySession() {
        String email = verifiedUser();
        String refresh = login(email, PASSWORD).json().get("refresh_token").asString();

        assertThat(api.post(
                                "/api/v1/auth/password-reset/request",
                                null,
                                "{\"email\": \"%s\"}".formatted(email.toUpperCase()))
                        .status())
                .isEqualTo(202);
        String reset = TestMailServer.tokenInMail(email, 2).orElseThrow();
        var weak = api.post(
                "/api/v1/auth/password-reset/confirm",
                null,
                "{\"token\": \"%s\", \"new_password\": \"password123\"}".formatted(reset));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().at("/errors/0/field").asString()).isEqualTo("new_password");

        String reissued = requestResetToken(email, 3);
        var confirmed = api.post(
                "/api/v1/auth/password-reset/confirm",
                null,
                "{\"token\": \"%s\", \"new_password\": \"a much better passphrase\"}".formatted(reissued));

        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(login(email, "a much better passphrase").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", null, refreshBody(refresh)).status())
                .isEqualTo(401);
    }

    @Test
    void theVerificationMailCanBeSentAgainAndAResetAlsoProvesTheAddress() {
        String email = uniqueEmail();
        api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "tenant_name": "Late"}""".formatted(email, PASSWORD));

        assertThat(api.post("/api/v1/auth/verify-email/resend", null, "{\"email\": \"%s\"}".formatted(email))
                        .status())
                .isEqualTo(202);
        assertThat(TestMailServer.mailsTo(email, 2)).hasSize(2);

        String reset = requestResetToken(email, 3);
        api.post(
                "/api/v1/auth/password-reset/confirm",
                null,
                "{\"token\": \"%s\", \"new_password\": \"another fine passphrase\"}".formatted(reset));
        assertThat(login(email, "another fine passphrase").status()).isEqualTo(200);
    }

    @Test
    void aSessionEndsThirtyDaysAfterSignInHoweverOftenItIsRefreshed() {
        String email = verifiedUser();
        String first = login(email, PASSWORD).json().get("refresh_token").asString();
        String second = api.post("/api/v1/auth/refresh", null, refreshBody(first))
                .json()
                .get("refresh_token")
                .asString();
        owner.run(jdbc -> jdbc.update("""
                update identity.refresh_tokens set created_at = created_at - interval '31 days'
                where family_id = (select family_id from identity.refresh_tokens where token_hash = ?)
                  and created_at = (select min(created_at) from identity.refresh_tokens f
                                    where f.family_id = identity.refresh_tokens.family_id)""", io.reach.platform.security.TokenHashes.sha256(first)));

        String third = api.post("/api/v1/auth/refresh", null, refreshBody(second))
                .json()
                .get("refresh_token")
                .asString();

        assertThat(api.post("/api/v1/auth/refresh", null, refreshBody(third)).status())
                .isEqualTo(401);
    }

    @Test
    void aResetForAnUnknownAddressLooksTheSameAndSendsNothing() {
        String email = uniqueEmail();

        assertThat(api.post("/api/v1/auth/password-reset/request", null, "{\"email\": \"%s\"}".formatted(email))
                        .status())
                .isEqualTo(202);
        assertThat(TestMailServer.mailsTo(email, 1)).isEmpty();
    }

    @Test
    void wrongPasswordsAndUnknownAddressesGetTheSameAnswer() {
        String email = verifiedUser();

        var wrongPassword = login(email, "not the password at all");
        var unknownEmail = login(uniqueEmail(), PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail"))
                .isEqualTo(unknownEmail.json().get("detail"));
    }

    @Test
    void anAddressCanSignUpOnceWhateverItsCaseAndTheAnswerDoesNotSaySo() {
        String email = verifiedUser();
        var fresh = api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "tenant_name": "Fresh"}""".formatted(uniqueEmail(), PASSWORD));

        var again = api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "another fine passphrase", "tenant_name": "Second"}""".formatted(email.toUpperCase()));

        assertThat(again.status()).isEqualTo(fresh.status()).isEqualTo(201);
        assertThat(again.header("Location")).isEqualTo(fresh.header("Location"));
        assertThat(fieldNames(again.json())).isEqualTo(fieldNames(fresh.json()));
        assertThat(again.json().get("email_verified")).isEqualTo(fresh.json().get("email_verified"));
        Long accounts = owner.with(jdbc -> jdbc.queryForObject(
                "select count(*) from identity.users where lower(email) = lower(?)", Long.class, email));
        assertThat(accounts).isEqualTo(1);
        assertThat(login(email, "another fine passphrase").status()).isEqualTo(401);
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
        assertThat(TestMailServer.mailsTo(email, 2))
                .hasSize(2)
                .last()
                .asString()
                .contains("tried to sign up")
                .doesNotContain("token=");
    }

    @Test
    void weakPasswordsAndBadFieldsAreRefused() {
        var common = api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "qwerty123", "tenant_name": "T"}""".formatted(uniqueEmail()));
        var invalid = api.post("/api/v1/auth/signup", null, """
                {"email": "not-an-email", "password": "%s", "first_name": "A", "tenant_name": ""}""".formatted(PASSWORD));

        assertThat(common.status()).isEqualTo(400);
        assertThat(common.json().at("/errors/0/field").asString()).isEqualTo("password");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("email", "first_name", "tenant_name");
    }

    @Test
    void aBcryptHashFromAnotherSystemVerifiesAndIsUpgraded() {
        String email = verifiedUser();
        String bcrypt = new BCryptPasswordEncoder().encode("imported password 42");
        owner.run(jdbc -> jdbc.update(
                "update identity.users set password_hash = ? where lower(email) = lower(?)", bcrypt, email));

        assertThat(login(email, "imported password 42").status()).isEqualTo(200);
        String stored = owner.with(jdbc -> jdbc.queryForObject(
                "select password_hash from identity.users where lower(email) = lower(?)", String.class, email));
        assertThat(stored).startsWith("{argon2}");
    }

    @Test
    void switchingToATenantTheUserIsNotInIsNotFound() {
        String access =
                login(verifiedUser(), PASSWORD).json().get("access_token").asString();

        var response =
                api.post("/api/v1/auth/switch-tenant", access, "{\"tenant_id\": \"%s\"}".formatted(UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void theSignUpIsAudited() {
        String email = uniqueEmail();
        String tenant = api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "tenant_name": "Audited"}""".formatted(email, PASSWORD))
                .json()
                .get("tenant_id")
                .asString();

        Long rows = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject(
                    "select count(*) from audit.audit_logs where action = 'user.signed_up'", Long.class);
        });
        assertThat(rows).isEqualTo(1);
    }

    private String verifiedUser() {
        String email = uniqueEmail();
        api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "tenant_name": "Workspace"}""".formatted(email, PASSWORD));
        api.post(
                "/api/v1/auth/verify-email",
                null,
                token(TestMailServer.tokenInMail(email, 1).orElseThrow()));
        return email;
    }

    private String requestResetToken(String email, int mailNumber) {
        api.post("/api/v1/auth/password-reset/request", null, "{\"email\": \"%s\"}".formatted(email));
        return TestMailServer.tokenInMail(email, mailNumber).orElseThrow();
    }

    private Api.Response login(String email, String password) {
        return api.post(
                "/api/v1/auth/login", null, "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
    }

    private long securityEvents(String type, String email) {
        return owner.with(jdbc -> {
            UUID user = jdbc.queryForObject(
                    "select id from identity.users where lower(email) = lower(?)", UUID.class, email);
            jdbc.execute("set app.user_id = '" + user + "'");
            UUID tenant = jdbc.queryForObject(
                    "select tenant_id from identity.memberships where user_id = ?", UUID.class, user);
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject(
                    "select count(*) from audit.security_events where event_type = ? and user_id = ?",
                    Long.class,
                    type,
                    user);
        });
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }

    private static String token(String token) {
        return "{\"token\": \"%s\"}".formatted(token);
    }

    private static String refreshBody(String token) {
        return "{\"refresh_token\": \"%s\"}".formatted(token);
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
