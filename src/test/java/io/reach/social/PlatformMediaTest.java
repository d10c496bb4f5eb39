package io.reach.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** Fetching media from their URLs (size caps, hosts, refusals) and waiting for a platform's processing. */
class PlatformMediaTest {

    static WireMockServer host;

    private final PlatformMedia media = new PlatformMedia(true, 2, Duration.ofMillis(10), Duration.ofSeconds(2));

    @BeforeAll
    static void start() {
        host = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        host.start();
    }

    @AfterAll
    static void stop() {
        host.stop();
    }

    @BeforeEach
    void reset() {
        host.resetAll();
    }

    @Test
    void aMediumIsStreamedToATemporaryFileThatClosingDeletes() {
        host.stubFor(get(urlPathEqualTo("/a.png")).willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(new byte[] {1, 2, 3, 4, 5})));
        Path file;
        try (PlatformMedia.Fetched fetched = media.fetch(image("/a.png"), 0)) {
            assertThat(fetched.size()).isEqualTo(5);
            assertThat(fetched.contentType()).isEqualTo("image/png");
            assertThat(fetched.bytes()).containsExactly(1, 2, 3, 4, 5);
            assertThat(fetched.range(3, 4)).containsExactly(4, 5);
            file = fetched.file();
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void redirectsAreFollowed() {
        host.stubFor(get(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", "/b.jpg")));
        host.stubFor(get(urlPathEqualTo("/b.jpg")).willReturn(aResponse().withBody(new byte[] {9})));

        try (PlatformMedia.Fetched fetched = media.fetch(image("/moved"), 0)) {
            assertThat(fetched.bytes()).containsExactly(9);
            assertThat(fetched.contentType()).as("from the extension when the host names none").isEqualTo("image/jpeg");
        }
    }

    @Test
    void aVideosTypeComesFromItsHostElseItsFormat() {
        assertThat(PlatformMedia.contentType(new Publication.Medium("video", "https://cdn.example/v", "avi"), "video/webm"))
                .isEqualTo("video/webm");
        assertThat(PlatformMedia.contentType(new Publication.Medium("video", "https://cdn.example/v", "avi"),
                "application/octet-stream")).isEqualTo("video/x-msvideo");
        assertThat(PlatformMedia.contentType(new Publication.Medium("video", "https://cdn.example/v.mov", null), null))
                .isEqualTo("video/quicktime");
    }

    @Test
    void anImageOverTwentyMegabytesIsRefused() {
        host.stubFor(get(urlPathEqualTo("/huge.png"))
                .willReturn(aResponse().withBody(new byte[(int) PlatformMedia.IMAGE_LIMIT + 1])));

        assertThatThrownBy(() -> media.fetch(image("/huge.png"), 2)).isInstanceOfSatisfying(PlatformError.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
            assertThat(e.getMessage()).contains("media[2]").contains("20 MB");
        });
    }

    @Test
    void aMissingMediumIsTerminalAndAFailingHostRetryable() {
        host.stubFor(get(urlPathEqualTo("/gone.png")).willReturn(aResponse().withStatus(404)));
        host.stubFor(get(urlPathEqualTo("/busy.png")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> media.fetch(image("/gone.png"), 0)).isInstanceOfSatisfying(PlatformError.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
        assertThatThrownBy(() -> media.fetch(image("/busy.png"), 0)).isInstanceOfSatisfying(PlatformError.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE));
        assertThatThrownBy(() -> media.fetch(new Publication.Medium("image", "file:///etc/passwd", null), 0))
                .isInstanceOfSatisfying(PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        host.stubFor(get(urlPathEqualTo("/a.png")).willReturn(aResponse().withBody(new byte[] {1})));
        var guarded = new PlatformMedia(false, 2, Duration.ofMillis(10), Duration.ofSeconds(2));

        assertThatThrownBy(() -> guarded.fetch(image("/a.png"), 0)).isInstanceOfSatisfying(PlatformError.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
            assertThat(e.getMessage()).contains("private address");
        });
        assertThatThrownBy(() -> guarded.fetch(new Publication.Medium("image", "http://169.254.169.254/latest", null), 0))
                .hasMessageContaining("private address");
    }

    @Test
    void processingIsPolledAFewTimesThenRetriedLater() {
        var answers = new ArrayDeque<>(List.of(PlatformMedia.Processing.pending(Duration.ofSeconds(30)),
                PlatformMedia.Processing.done()));
        media.awaitProcessing("X", PlatformMedia.Processing.pending(Duration.ofSeconds(5)), answers::pop);
        assertThat(answers).isEmpty();

        assertThatThrownBy(() -> media.awaitProcessing("X", PlatformMedia.Processing.pending(null),
                () -> PlatformMedia.Processing.pending(null))).isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("media still processing");
                });
        assertThatThrownBy(() -> media.awaitProcessing("X", PlatformMedia.Processing.failed("Unsupported video format"),
                PlatformMedia.Processing::done)).isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                    assertThat(e.getMessage()).contains("Unsupported video format");
                });
    }

    @Test
    void errorBodiesGiveTheirReadableMessage() {
        assertThat(PlatformHttp.message("""
                {"title": "Forbidden", "detail": "You are not allowed to create a Tweet with duplicate content.",
                 "type": "about:blank", "status": 403}""")).isEqualTo("You are not allowed to create a Tweet with duplicate content.");
        assertThat(PlatformHttp.message("""
                {"status": 422, "serviceErrorCode": 100, "code": "UNPROCESSABLE_ENTITY",
                 "message": "Content is a duplicate of urn:li:share:7"}""")).isEqualTo("Content is a duplicate of urn:li:share:7");
        assertThat(PlatformHttp.message("""
                {"errors": [{"message": "The `text` field is too long"}], "title": "Invalid Request",
                 "detail": "One or more parameters to your request was invalid."}"""))
                .isEqualTo("One or more parameters to your request was invalid. (The `text` field is too long)");
        assertThat(PlatformHttp.message("<html>Bad gateway</html>")).isEqualTo("<html>Bad gateway</html>");
    }

    private static Publication.Medium image(String path) {
        return new Publication.Medium("image", host.baseUrl() + path, null);
    }
}
