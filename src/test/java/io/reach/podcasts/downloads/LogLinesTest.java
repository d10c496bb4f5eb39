package io.reach.podcasts.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Access-log lines as nginx, Apache, S3 and CloudFront write them. */
class LogLinesTest {

    static final String UA = "AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; en_us)";

    @Test
    void combinedWithTheRangeHeader() {
        LogLines.Read read = LogLines.readAll(
                        LogFormat.COMBINED,
                        "cdn.example.com",
                        "203.0.113.5 - - [02/Dec/2026:10:00:00 +0100] \"GET /show/ep1.mp3?x=1 HTTP/1.1\" 206 2000000 "
                                + "\"https://show.example/\" \"" + UA + "\" \"bytes=0-\"")
                .getFirst();
        DownloadRequest request = request(read);
        assertThat(request.time()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(request.episode()).isEqualTo("https://cdn.example.com/show/ep1.mp3?x=1");
        assertThat(request.range()).isEqualTo("bytes=0-");
        assertThat(request.bytes()).isEqualTo(2_000_000);
        assertThat(request.status()).isEqualTo(206);
        assertThat(request.userAgent()).isEqualTo(UA);
        assertThat(request.referrer()).isEqualTo("https://show.example/");
    }

    @Test
    void plainCombinedHasNoRange() {
        DownloadRequest request = request(LogLines.readAll(
                        LogFormat.COMBINED,
                        null,
                        "2001:db8::1 - - [02/Dec/2026:10:00:00 +0000] \"HEAD /ep1.mp3 HTTP/1.1\" 200 - \"-\" \"curl/8\"")
                .getFirst());
        assertThat(request.method()).isEqualTo("HEAD");
        assertThat(request.range()).isNull();
        assertThat(request.bytes()).isNull();
        assertThat(request.episode()).isEqualTo("/ep1.mp3");
    }

    @Test
    void s3ObjectGetsAndOnlyThem() {
        String get =
                "79a5 logs-bucket [02/Dec/2026:12:00:00 +0000] 203.0.113.8 - 3E57427F3EXAMPLE REST.GET.OBJECT show/ep1.mp3 "
                        + "\"GET /show/ep1.mp3 HTTP/1.1\" 200 - 40000000 40000000 70 10 \"-\" \"" + UA
                        + "\" - s9lz= SigV4 "
                        + "ECDHE-RSA-AES128-GCM-SHA256 AuthHeader cdn.example.com TLSv1.2 - -";
        DownloadRequest request =
                request(LogLines.readAll(LogFormat.S3, null, get).getFirst());
        assertThat(request.bytes()).isEqualTo(40_000_000);
        assertThat(request.episode()).isEqualTo("/show/ep1.mp3");
        String iphone = "AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; en_us)";
        String flows = "79a5 logs-bucket [02/Dec/2026:12:00:00 +0000] 203.0.113.8 - 3E57427F3EXAMPLE REST.GET.OBJECT "
                + "logs/01a24269.mp3" + " \"GET " + "/logs/01a24269.mp3"
                + " HTTP/1.1\" 200 - 40000000 40000000 70 10 \"-\" \"" + iphone
                + "\" - s9lz= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader cdn.example.com TLSv1.2 - -";
        assertThat(request(LogLines.readAll(LogFormat.S3, null, flows).getFirst())
                        .episode())
                .isEqualTo("/logs/01a24269.mp3");
        String list = get.replace("REST.GET.OBJECT", "REST.GET.BUCKET");
        assertThat(LogLines.readAll(LogFormat.S3, null, list).getFirst()).isEqualTo(LogLines.Read.SKIP);
    }

    @Test
    void cloudFrontByItsFieldsLine() {
        String text =
                "#Version: 1.0\n#Fields: date time c-ip cs-method cs-uri-stem sc-status cs(User-Agent) x-host-header"
                        + " sc-bytes sc-content-len sc-range-start sc-range-end\n"
                        + String.join(
                                "\t",
                                "2026-12-02",
                                "13:00:00",
                                "2001:db8:5::1",
                                "GET",
                                "/show/ep1.mp3",
                                "206",
                                UA.replace(" ", "%20"),
                                "cdn.example.com",
                                "1000400",
                                "1000000",
                                "0",
                                "999999");
        DownloadRequest request =
                request(LogLines.readAll(LogFormat.CLOUDFRONT, null, text).get(2));
        assertThat(request.range()).isEqualTo("bytes=0-999999");
        assertThat(request.bytes()).isEqualTo(1_000_000);
        assertThat(request.userAgent()).isEqualTo(UA);
        assertThat(request.episode()).isEqualTo("https://cdn.example.com/show/ep1.mp3");
    }

    @Test
    void garbageIsRefusedWithAReason() {
        assertThat(LogLines.readAll(LogFormat.COMBINED, null, "not a log line")
                        .getFirst()
                        .refusal())
                .isNotNull();
        assertThat(LogLines.readAll(LogFormat.CLOUDFRONT, null, "2026-12-02\t13:00:00")
                        .getFirst()
                        .refusal())
                .contains("#Fields");
    }

    private static DownloadRequest request(LogLines.Read read) {
        DownloadRequest request = read.request();
        if (request == null) {
            throw new AssertionError("refused: " + read.refusal());
        }
        return request;
    }
}
