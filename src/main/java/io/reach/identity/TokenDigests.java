package io.reach.identity;

import io.reach.platform.security.TokenHashes;

/** Opaque tokens handed to users: 256 random bits, stored only as SHA-256. */
public final class TokenDigests {

    private TokenDigests() {}

    public static String newToken() {
        return TokenHashes.newToken("");
    }

    public static String hash(String token) {
        return TokenHashes.sha256(token);
    }
}
