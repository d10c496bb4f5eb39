package io.reach.identity.signin;

import io.reach.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** The ways sign-up and sign-in refuse, each a problem with its own title. */
public final class IdentityProblems {

    private IdentityProblems() {}

    public static ApiException badCredentials() {
        return new Problem(HttpStatus.UNAUTHORIZED, "Invalid credentials", "The e-mail address or password is wrong");
    }

    static ApiException emailNotVerified() {
        return new Problem(
                HttpStatus.FORBIDDEN,
                "Email not verified",
                "Confirm your e-mail address with the link we sent before signing in");
    }

    static ApiException accountNotActive(String status) {
        return new Problem(HttpStatus.FORBIDDEN, "Account not active", "This account is " + status);
    }

    static ApiException noTenant() {
        return new Problem(HttpStatus.FORBIDDEN, "No workspace", "This account belongs to no active workspace");
    }

    public static ApiException notAMember() {
        return new Problem(HttpStatus.NOT_FOUND, "Workspace not found", "You are not a member of that workspace");
    }

    public static ApiException invalidToken() {
        return new Problem(HttpStatus.BAD_REQUEST, "Invalid token", "The token is unknown, used or expired");
    }

    static ApiException invalidRefreshToken() {
        return new Problem(HttpStatus.UNAUTHORIZED, "Invalid refresh token", "Sign in again");
    }

    private static final class Problem extends ApiException {
        Problem(HttpStatus status, String title, String detail) {
            super(status, title, detail);
        }
    }
}
