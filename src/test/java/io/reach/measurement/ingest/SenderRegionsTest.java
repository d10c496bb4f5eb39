package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The region a trusted proxy reports: a name when it gives one, else the ISO 3166-2 code it gives. */
class SenderRegionsTest {

    private final Senders senders = new Senders(List.of("10.0.0.0/8"));

    @Test
    void regionCodesOfCloudflareCloudFrontAndVercelAreRead() {
        assertThat(region("CF-IPCountry", "US", "CF-Region-Code", "TX")).isEqualTo("US-TX");
        assertThat(region("CloudFront-Viewer-Country", "gb", "CloudFront-Viewer-Country-Region", "ENG"))
                .isEqualTo("GB-ENG");
        assertThat(region("X-Vercel-IP-Country", "DE", "X-Vercel-IP-Country-Region", "BY"))
                .isEqualTo("DE-BY");
        assertThat(region("CF-IPCountry", "US", "CF-Region-Code", "<script>")).isNull();
    }

    @Test
    void aRegionNameWinsOverACode() {
        MockHttpServletRequest request = fromProxy("CF-IPCountry", "US", "CF-Region-Code", "TX");
        request.addHeader("CF-Region", "Texas");

        assertThat(senders.of(request).place().region()).isEqualTo("Texas");
    }

    @Test
    void anUntrustedSendersRegionIsIgnored() {
        MockHttpServletRequest request = fromProxy("CF-IPCountry", "US", "CF-Region-Code", "TX");
        request.setRemoteAddr("203.0.113.9");

        assertThat(senders.of(request).place()).isEqualTo(Geolocation.Place.UNKNOWN);
    }

    private @org.jspecify.annotations.Nullable String region(String... headers) {
        return senders.of(fromProxy(headers)).place().region();
    }

    private static MockHttpServletRequest fromProxy(String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("X-Forwarded-For", "198.51.100.7");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }
}
