package io.reach.platform.security;

import java.util.List;

/** Paths under {@code /api/} that a module serves to anonymous callers (sign-up, login, webhooks). */
public interface OpenEndpoints {

    List<String> patterns();
}
