package io.reach.measurement;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the tracking script web pages embed ({@code src/main/resources/measurement/reach.js}): open
 * to anyone (it is not under {@code /api/}), cached for an hour and revalidated by its ETag, and
 * loadable from any site (even one that requires {@code Cross-Origin-Resource-Policy}). Not part of
 * the API document: it is a file, not an operation.
 */
@Controller
@Hidden
class TrackingScriptController {

    static final String PATH = "/js/reach.js";
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript");

    private final byte[] script;
    private final String etag;

    TrackingScriptController() {
        try (InputStream in = new ClassPathResource("measurement/reach.js").getInputStream()) {
            this.script = in.readAllBytes();
            this.etag = '"'
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 12)
                    + '"';
        } catch (IOException e) {
            throw new UncheckedIOException("The tracking script is missing from the build", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> script() {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .eTag(etag)
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .body(script);
    }
}
