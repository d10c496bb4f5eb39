package io.reach.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Recognises one kind of bearer token (the platform-admin token here; access tokens and API
 * keys in the identity module). Answers empty for tokens that are not its kind or not valid.
 */
public interface BearerTokenAuthenticator {

    Optional<Authentication> authenticate(String token);
}
