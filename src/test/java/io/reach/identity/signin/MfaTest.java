package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** TOTP enrolment and two-step sign-in, with codes computed here the way an authenticator app does (RFC 6238). */
@ReachTest
class MfaTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Test
    void enrolConfirmAndSignInWithASecondFactor() {
        Accounts.SignedIn ada = accounts.owner();
        JsonNode enrolment =
                api.post("/api/v1/me/mfa/enrol", ada.accessToken(), "{}").json();
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauth_uri").asString())
                .startsWith("otpauth://totp/Reach")
                .contains("secret=" + secret);

        var confirmed = api.post("/api/v1/me/mfa/confirm", ada.accessToken(), code(secret, Instant.now()));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", null, "{\"refresh_token\": \"%s\"}".formatted(ada.refreshToken()))
                        .status())
                .as("sessions from before MFA end")
                .isEqualTo(401);
        assertThat(confirmed.json().get("recovery_codes").size()).isEqualTo(10);
        assertThat(api.get("/api/v1/me", ada.accessToken())
                        .json()
                        .get("mfa_enabled")
                        .asBoolean())
                .isTrue();

        JsonNode challenge = login(ada.email()).json();
        assertThat(challenge.get("mfa_required").asBoolean()).isTrue();
        assertThat(challenge.has("access_token")).isFalse();
        String mfaToken = challenge.get("mfa_token").asString();

        assertThat(verify(mfaToken, "{\"code\": \"000000\"}").status()).isEqualTo(401);
        var verified = verify(mfaToken, codeField(secret, Instant.now().plusSeconds(30)));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", verified.json().get("access_token").asString())
                        .status())
                .isEqualTo(200);
        assertThat(verify(mfaToken, codeField(secret, Instant.now().plusSeconds(30)))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aRecoveryCodeWorksOnceAndTheSecretIsStoredEncrypted() {
        Accounts.SignedIn ada = accounts.owner();
        String secret = api.post("/api/v1/me/mfa/enrol", ada.accessToken(), "{}")
                .json()
                .get("secret")
                .asString();
        String recovery = api.post("/api/v1/me/mfa/confirm", ada.accessToken(), code(secret, Instant.now()))
                .json()
                .get("recovery_codes")
                .get(0)
                .asString();

        var first = verify(
                login(ada.email()).json().get("mfa_token").asString(),
                "{\"recovery_code\": \"%s\"}".formatted(recovery));
        var again = verify(
                login(ada.email()).json().get("mfa_token").asString(),
                "{\"recovery_code\": \"%s\"}".formatted(recovery));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(401);
        byte[] stored = owner.with(jdbc -> jdbc.queryForObject(
                "select secret_ciphertext from identity.mfa_factors where user_id = ?", byte[].class, ada.userId()));
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(new Base32().decode(secret), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void aChallengeDiesAfterFiveWrongCodes() {
        Accounts.SignedIn ada = accounts.owner();
        String secret = api.post("/api/v1/me/mfa/enrol", ada.accessToken(), "{}")
                .json()
                .get("secret")
                .asString();
        api.post("/api/v1/me/mfa/confirm", ada.accessToken(), code(secret, Instant.now()));
        String mfaToken = login(ada.email()).json().get("mfa_token").asString();
        for (int i = 0; i < 5; i++) {
            assertThat(verify(mfaToken, "{\"code\": \"123456\"}").status()).isEqualTo(401);
        }

        var tooLate = verify(mfaToken, codeField(secret, Instant.now().plusSeconds(30)));

        assertThat(tooLate.status()).isEqualTo(401);
        assertThat(tooLate.json().get("title").asString()).isEqualTo("Invalid MFA challenge");
    }

    @Test
    void disablingNeedsACodeAndTurnsTheSecondStepOff() {
        Accounts.SignedIn ada = accounts.owner();
        String secret = api.post("/api/v1/me/mfa/enrol", ada.accessToken(), "{}")
                .json()
                .get("secret")
                .asString();
        api.post("/api/v1/me/mfa/confirm", ada.accessToken(), code(secret, Instant.now()));

        assertThat(api.send("DELETE", "/api/v1/me/mfa", ada.accessToken(), "{\"code\": \"999999\"}", List.of())
                        .status())
                .isEqualTo(401);
        assertThat(api.send(
                                "DELETE",
                                "/api/v1/me/mfa",
                                ada.accessToken(),
                                codeField(secret, Instant.now().plusSeconds(30)),
                                List.of())
                        .status())
                .isEqualTo(204);

        assertThat(login(ada.email()).json().has("access_token")).isTrue();
    }

    private Api.Response login(String email) {
        return api.post(
                "/api/v1/auth/login",
                null,
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD));
    }

    private Api.Response verify(String mfaToken, String codeJson) {
        String fields = codeJson.substring(1, codeJson.length() - 1);
        return api.post("/api/v1/auth/mfa/verify", null, "{\"mfa_token\": \"%s\", %s}".formatted(mfaToken, fields));
    }

    private static String code(String base32Secret, Instant at) {
        return codeField(base32Secret, at);
    }

    private static String codeField(String base32Secret, Instant at) {
        return "{\"code\": \"%s\"}".formatted(totp(new Base32().decode(base32Secret), at.getEpochSecond() / 30));
    }

    /** RFC 6238 with HMAC-SHA1 and six digits, written out as the RFC's reference does. */
    private static String totp(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
