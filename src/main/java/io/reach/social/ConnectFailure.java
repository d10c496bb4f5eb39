package io.reach.social;

import io.reach.platform.web.ApiException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Why a connection the console started did not finish, as the callback names it to the accounts page
 * ({@code ?connect_failed=code}). Only these fixed sentences are shown: a link can carry any text, so
 * the page never echoes what a query string says.
 */
enum ConnectFailure {
    DECLINED("access was declined on the platform's screen"),
    NOT_GRANTED("the platform did not grant access"),
    STALE("the connection was started in another browser, took longer than 10 minutes, or was already finished"),
    LIMIT("the workspace has as many social accounts as its plan allows"),
    PLATFORM("the platform could not be reached or refused the connection");

    private final String sentence;

    ConnectFailure(String sentence) {
        this.sentence = sentence;
    }

    String code() {
        return name().toLowerCase();
    }

    /** What the accounts page says. */
    String message() {
        return "The account was not connected: " + sentence + ". Start again to connect it.";
    }

    /** The platform's {@code error} parameter (RFC 6749 section 4.1.2.1). */
    static ConnectFailure ofPlatformError(String error) {
        return error.equals("access_denied") ? DECLINED : NOT_GRANTED;
    }

    static ConnectFailure of(ApiException refused) {
        if (refused.title().equals("Quota exceeded")) {
            return LIMIT;
        }
        return refused.status() == HttpStatus.BAD_REQUEST ? STALE : PLATFORM;
    }

    static Optional<ConnectFailure> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
    }
}
