package io.reach.social;

import io.reach.platform.mail.PublicUrl;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookies a connection's start gives the browser, sent back only to the OAuth callback: the
 * binding secret ({@link ConnectionStates}) and, when the console started it, a note that the
 * callback should send the browser back to the console's accounts page instead of answering JSON.
 */
@Component
class ConnectionCookies {

    static final String CALLBACK_PATH = "/api/v1/social/accounts/callback";
    /** Present when the console started the connection. */
    static final String CONSOLE_RETURN = "reach_connect_console";

    private final PublicUrl publicUrl;

    ConnectionCookies(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The binding cookie of a connection just started. */
    ResponseCookie binding(AccountConnections.Started started) {
        return cookie(started.bindingCookie(), started.bindingSecret(), ConnectionStates.VALID_FOR);
    }

    /** Forgets the binding cookie once its state is spent. */
    ResponseCookie spent(String bindingCookie) {
        return cookie(bindingCookie, "", Duration.ZERO);
    }

    /** Notes that the console started the connection: the callback returns the browser there. */
    ResponseCookie consoleReturn() {
        return cookie(CONSOLE_RETURN, "1", ConnectionStates.VALID_FOR);
    }

    ResponseCookie consoleReturnDone() {
        return cookie(CONSOLE_RETURN, "", Duration.ZERO);
    }

    static boolean startedInConsole(Map<String, String> cookies) {
        return "1".equals(cookies.get(CONSOLE_RETURN));
    }

    /** Sent back only to the callback, never readable by scripts; Secure whenever Reach is served over HTTPS. */
    private ResponseCookie cookie(String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(publicUrl.base().startsWith("https:"))
                .sameSite("Lax")
                .path(CALLBACK_PATH)
                .maxAge(maxAge)
                .build();
    }
}
