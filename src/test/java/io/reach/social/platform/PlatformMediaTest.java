package io.reach.social.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.reach.platform.web.PublicAddresses;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fetching media from their URLs (size caps, hosts, refusals) and waiting for a platform's processing. */
class PlatformMediaTest {

    static WireMockServer host;

    private final PlatformMedia media = new PlatformMedia(true, 2, Duration.ofMillis(10), Duration.ofSeconds(2));

    @BeforeAll
    static void start() {
        host = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
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
        host.stubFor(get(urlPathEqualTo("/a.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(new byte[] {1, 2, 3, 4, 5})));
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
        host.stubFor(get(urlPathEqualTo("/moved"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/b.jpg")));
        host.stubFor(get(urlPathEqualTo("/b.jpg")).willReturn(aResponse().withBody(new byte[] {9})));

        try (PlatformMedia.Fetched fetched = media.fetch(image("/moved"), 0)) {
            assertThat(fetched.bytes()).containsExactly(9);
            assertThat(fetched.contentType())
                    .as("from the extension when the host names none")
                    .isEqualTo("image/jpeg");
        }
    }

    @Test
    void aVideosTypeComesFromItsHostElseItsFormat() {
        assertThat(PlatformMedia.contentType(
                        new Publication.Medium("video", "https://cdn.example/v", "avi"), "video/webm"))
                .isEqualTo("video/webm");
        assertThat(PlatformMedia.contentType(
                        new Publication.Medium("video", "https://cdn.example/v", "avi"), "application/octet-stream"))
                .isEqualTo("video/x-msvideo");
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

        assertThatThrownBy(() -> media.fetch(image("/gone.png"), 0))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
        assertThatThrownBy(() -> media.fetch(image("/busy.png"), 0))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE));
        assertThatThrownBy(() -> media.fetch(new Publication.Medium("image", "file:///etc/passwd", null), 0))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        host.stubFor(get(urlPathEqualTo("/a.png")).willReturn(aResponse().withBody(new byte[] {1})));
        var guarded = new PlatformMedia(false, 2, Duration.ofMillis(10), Duration.ofSeconds(2));

        assertThatThrownBy(() -> guarded.fetch(image("/a.png"), 0)).isInstanceOfSatisfying(PlatformError.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
            assertThat(e.getMessage()).contains("private address");
        });
        assertThatThrownBy(
                        () -> guarded.fetch(new Publication.Medium("image", "http://169.254.169.254/latest", null), 0))
                .hasMessageContaining("private address");
    }

    @ParameterizedTest
    @CsvSource({
        "8.8.8.8, true",
        "1.1.1.1, true",
        "172.32.0.1, true",
        "100.63.255.255, true",
        "100.128.0.0, true",
        "198.17.255.255, true",
        "198.20.0.0, true",
        "2606:4700:4700::1111, true",
        "2a00:1450:4001:81c::200e, true",
        "0.0.0.0, false",
        "0.255.255.255, false",
        "10.1.2.3, false",
        "100.64.0.1, false",
        "100.127.255.255, false",
        "127.0.0.1, false",
        "169.254.169.254, false",
        "172.16.0.1, false",
        "172.31.255.255, false",
        "192.0.0.170, false",
        "192.0.2.1, false",
        "192.88.99.1, false",
        "192.168.1.1, false",
        "198.18.0.1, false",
        "198.19.255.255, false",
        "198.51.100.7, false",
        "203.0.113.9, false",
        "224.0.0.1, false",
        "240.0.0.1, false",
        "255.255.255.255, false",
        ":: , false",
        "::1, false",
        "::127.0.0.1, false",
        "::8.8.8.8, false",
        "::ffff:127.0.0.1, false",
        "::ffff:10.0.0.1, false",
        "::ffff:8.8.8.8, true",
        "64:ff9b::7f00:1, false",
        "64:ff9b::808:808, false",
        "64:ff9b:1::a00:1, false",
        "2002:7f00:1::, false",
        "2002:a9fe:a9fe::1, false",
        "2002:808:808::1, false",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, false",
        "2001:db8::1, false",
        "3fff::1, false",
        "100::1, false",
        "fc00::1, false",
        "fd12:3456::1, false",
        "fe80::1, false",
        "fec0::1, false",
        "ff02::1, false"
    })
    void onlyPublicUnicastAddressesServeMedia(String literal, boolean isPublic) {
        assertThat(PublicAddresses.isPublic(InetAddress.ofLiteral(literal)))
                .as(literal)
                .isEqualTo(isPublic);
    }

    @Property
    void aRefusedIpv4AddressIsRefusedInEveryIpv6Form(@ForAll("refusedIpv4") byte[] ipv4) throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByAddress(ipv4))).isFalse();
        assertThat(ipv6Forms(ipv4))
                .allSatisfy(form -> assertThat(PublicAddresses.isPublic(form))
                        .as(form.toString())
                        .isFalse());
    }

    @Property
    void aPublicIpv4AddressIsAllowedAsItselfOrMappedButNeverThroughATranslator(@ForAll("publicIpv4") byte[] ipv4)
            throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByAddress(ipv4))).isTrue();
        assertThat(PublicAddresses.isPublic(ipv6(prefixed(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1}, ipv4))))
                .as("IPv4-mapped")
                .isTrue();
        assertThat(ipv6Forms(ipv4).subList(1, 5))
                .allSatisfy(form -> assertThat(PublicAddresses.isPublic(form))
                        .as(form.toString())
                        .isFalse());
    }

    @Provide
    Arbitrary<byte[]> refusedIpv4() {
        return Arbitraries.of(
                        "0.0.0.0/8",
                        "10.0.0.0/8",
                        "100.64.0.0/10",
                        "127.0.0.0/8",
                        "169.254.0.0/16",
                        "172.16.0.0/12",
                        "192.168.0.0/16",
                        "198.18.0.0/15",
                        "224.0.0.0/4",
                        "240.0.0.0/4")
                .flatMap(PlatformMediaTest::inside);
    }

    @Provide
    Arbitrary<byte[]> publicIpv4() {
        return Arbitraries.of(
                        "1.0.0.0/8",
                        "8.0.0.0/7",
                        "100.0.0.0/10",
                        "100.128.0.0/9",
                        "172.32.0.0/11",
                        "198.20.0.0/14",
                        "203.0.114.0/23",
                        "151.101.0.0/16")
                .flatMap(PlatformMediaTest::inside);
    }

    @Test
    void aHostIsResolvedOnceAndTheCheckedAddressIsTheOneConnectedTo() {
        host.stubFor(get(urlPathEqualTo("/pinned.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(new byte[] {7, 7})));
        AtomicInteger lookups = new AtomicInteger();
        PlatformMedia.Lookup rebinding = name ->
                new InetAddress[] {InetAddress.ofLiteral(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")};
        var pinned = new PlatformMedia(
                rebinding,
                address -> address.getHostAddress().equals("127.0.0.1"),
                2,
                Duration.ofMillis(10),
                Duration.ofSeconds(2));
        String url = "http://media.example:" + host.port() + "/pinned.png";

        try (PlatformMedia.Fetched fetched = pinned.fetch(new Publication.Medium("image", url, null), 0)) {
            assertThat(fetched.bytes()).containsExactly(7, 7);
        }
        assertThat(lookups).as("one lookup, no second answer to trust").hasValue(1);
        assertThat(host.findAll(getRequestedFor(urlPathEqualTo("/pinned.png"))
                        .withHeader("Host", equalTo("media.example:" + host.port()))))
                .as("the name is still the Host")
                .hasSize(1);
        var mixed = new PlatformMedia(
                name -> new InetAddress[] {InetAddress.ofLiteral("127.0.0.1"), InetAddress.ofLiteral("10.0.0.1")},
                address -> address.getHostAddress().equals("127.0.0.1"),
                2,
                Duration.ofMillis(10),
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> mixed.fetch(new Publication.Medium("image", url, null), 0))
                .as("every address of the name is checked")
                .hasMessageContaining("private address");
        assertThat(host.findAll(getRequestedFor(urlPathEqualTo("/pinned.png")))).hasSize(1);
    }

    @Test
    void aRefusedAddressIsNeverConnectedTo() {
        var guarded = new PlatformMedia(false, 2, Duration.ofMillis(10), Duration.ofSeconds(2));

        for (String url : List.of(
                "http://100.64.0.1/a.png",
                "http://198.18.0.1/a.png",
                "http://0.0.0.0:" + host.port() + "/a.png",
                "http://[64:ff9b::7f00:1]:" + host.port() + "/a.png",
                "http://[2002:7f00:1::]:" + host.port() + "/a.png",
                "http://[::ffff:7f00:1]:" + host.port() + "/a.png")) {
            assertThatThrownBy(() -> guarded.fetch(new Publication.Medium("image", url, null), 0))
                    .as(url)
                    .isInstanceOfSatisfying(PlatformError.class, e -> {
                        assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                        assertThat(e.getMessage()).contains("private address");
                    });
        }
        assertThat(host.getAllServeEvents()).isEmpty();
    }

    @Test
    void whatAHostAnswersIsNeverRepeatedInTheError() throws Exception {
        host.stubFor(get(urlPathEqualTo("/secret.png"))
                .willReturn(
                        aResponse().withStatus(500).withBody("root:x:0:0:root:/root:/bin/bash internal-admin-panel")));
        assertThatThrownBy(() -> media.fetch(image("/secret.png"), 0))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.getMessage())
                            .contains("HTTP 500")
                            .doesNotContain("root:x")
                            .doesNotContain("internal-admin-panel");
                });

        try (ServerSocket banner = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket peer = banner.accept()) {
                    peer.getOutputStream()
                            .write("SSH-2.0-OpenSSH_9.6 db-internal-7\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the test sees what the client made of it
                }
            });
            String url = "http://127.0.0.1:" + banner.getLocalPort() + "/a.png";
            assertThatThrownBy(() -> media.fetch(new Publication.Medium("image", url, null), 0))
                    .isInstanceOfSatisfying(
                            PlatformError.class,
                            e -> assertThat(e.getMessage())
                                    .doesNotContain("OpenSSH")
                                    .doesNotContain("db-internal"));
        }
    }

    /** IPv4-mapped, IPv4-compatible, 6to4, NAT64 and local-use NAT64 forms of an IPv4 address. */
    private static List<InetAddress> ipv6Forms(byte[] ipv4) throws Exception {
        byte[] sixToFour = new byte[16];
        sixToFour[0] = 0x20;
        sixToFour[1] = 0x02;
        System.arraycopy(ipv4, 0, sixToFour, 2, 4);
        return List.of(
                ipv6(prefixed(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1}, ipv4)),
                ipv6(prefixed(new byte[12], ipv4)),
                ipv6(sixToFour),
                ipv6(prefixed(new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, ipv4)),
                ipv6(prefixed(new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1, 0, 0, 0, 0, 0, 0}, ipv4)));
    }

    private static byte[] prefixed(byte[] prefix, byte[] ipv4) {
        byte[] address = Arrays.copyOf(prefix, 16);
        System.arraycopy(ipv4, 0, address, 12, 4);
        return address;
    }

    /** Kept as an IPv6 address even when it maps an IPv4 one (InetAddress.getByAddress would unwrap it). */
    private static InetAddress ipv6(byte[] address) throws Exception {
        return Inet6Address.getByAddress(null, address, -1);
    }

    private static Arbitrary<byte[]> inside(String cidr) {
        String[] parts = cidr.split("/");
        int network =
                ByteBuffer.wrap(InetAddress.ofLiteral(parts[0]).getAddress()).getInt();
        int hostBits = 32 - Integer.parseInt(parts[1]);
        long size = 1L << hostBits;
        return Arbitraries.longs()
                .between(0, size - 1)
                .map(offset -> ByteBuffer.allocate(4)
                        .putInt(network + offset.intValue())
                        .array());
    }

    @Test
    void processingIsPolledAFewTimesThenRetriedLater() {
        var answers = new ArrayDeque<>(
                List.of(PlatformMedia.Processing.pending(Duration.ofSeconds(30)), PlatformMedia.Processing.done()));
        media.awaitProcessing("X", PlatformMedia.Processing.pending(Duration.ofSeconds(5)), answers::pop);
        assertThat(answers).isEmpty();

        assertThatThrownBy(() -> media.awaitProcessing(
                        "X", PlatformMedia.Processing.pending(null), () -> PlatformMedia.Processing.pending(null)))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("media still processing");
                });
        assertThatThrownBy(() -> media.awaitProcessing(
                        "X",
                        PlatformMedia.Processing.failed("Unsupported video format"),
                        PlatformMedia.Processing::done))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                    assertThat(e.getMessage()).contains("Unsupported video format");
                });
    }

    @Test
    void errorBodiesGiveTheirReadableMessage() {
        assertThat(PlatformHttp.message("""
                {"title": "Forbidden", "detail": "You are not allowed to create a Tweet with duplicate content.",
                 "type": "about:blank", "status": 403}"""))
                .isEqualTo("You are not allowed to create a Tweet with duplicate content.");
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
