package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's two-step sign-in page: the key is shown to scan, a first code turns it on and shows
 * the recovery codes once, the next sign-in asks for a code, and a code turns it off again.
 */
@ReachTest
class MfaPageTest {

    private static final Pattern KEY = Pattern.compile("id=\"secret\" readonly value=\"([A-Z2-7]+)\"");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aPersonTurnsTwoStepSignInOnAndOff() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = Browser.signedIn(api, ada);
        assertThat(browser.get("/app/settings/mfa").body()).contains("Two-step sign-in is off");

        var enrolling = browser.post("/app/settings/mfa/enrol", Map.of());
        assertThat(enrolling.statusCode()).isEqualTo(200);
        assertThat(enrolling.body()).contains("otpauth://totp/");
        var key = KEY.matcher(enrolling.body());
        assertThat(key.find()).isTrue();
        byte[] secret = new Base32().decode(key.group(1));

        var wrong = browser.post("/app/settings/mfa/confirm", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isBetween(400, 499);
        assertThat(wrong.body()).contains("role=\"alert\"");

        var confirmed = browser.post("/app/settings/mfa/confirm", Map.of("code", Totp.code(secret, Instant.now())));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Two-step sign-in is on").contains("recovery codes");

        Browser again = new Browser(api);
        again.get("/sign-in");
        assertThat(again.post("/sign-in", Map.of("email", ada.email(), "password", Accounts.PASSWORD))
                        .body())
                .contains("name=\"mfa_token\"");

        Browser current = Browser.signedIn(api, accounts.owner());
        assertThat(current.get("/app/settings/mfa").body()).contains("Two-step sign-in is off");
    }

    @Test
    void aCodeTurnsItOff() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = Browser.signedIn(api, ada);
        browser.get("/app/settings/mfa");
        var key = KEY.matcher(browser.post("/app/settings/mfa/enrol", Map.of()).body());
        assertThat(key.find()).isTrue();
        byte[] secret = new Base32().decode(key.group(1));
        browser.post("/app/settings/mfa/confirm", Map.of("code", Totp.code(secret, Instant.now())));

        assertThat(browser.get("/app/settings/mfa").body()).contains("To turn it off");
        var off = browser.post(
                "/app/settings/mfa/disable",
                Map.of("code", Totp.code(secret, Instant.now().plusSeconds(30))));
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(browser.get("/app/settings/mfa").body()).contains("Two-step sign-in is off");
    }
}
