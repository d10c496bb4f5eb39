package io.reach.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque cursors: the last id of a page, versioned and base64url-encoded so clients don't build them. */
final class Cursors {

    private static final String VERSION = "v1:";

    private Cursors() {}

    static String encode(UUID lastId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + lastId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            return UUID.fromString(text.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Invalid cursor", "cursor is not one this API returned");
        }
    }
}
