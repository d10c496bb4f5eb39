package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The small rules of messaging: machine opens, SMS segments, recipient addresses. */
class MessageRulesTest {

    private static final Instant SENT = Instant.parse("2026-11-22T10:00:00Z");
    private static final String PERSON = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15";

    @Test
    void scriptedHttpClientsAreMachines() {
        Duration window = Duration.ofSeconds(10);
        for (String agent : java.util.List.of("Python-urllib/3.12", "python-requests/2.32.3", "Go-http-client/1.1",
                "curl/8.5.0", "Wget/1.21.4", "okhttp/4.12.0", "Java/21.0.2", "libwww-perl/6.77")) {
            assertThat(MachineOpens.machine(agent, SENT, null, SENT.plusSeconds(30), window)).as(agent).isTrue();
        }
    }

    @Test
    void opensSoonAfterSendingOrFromScannersAndPrefetchersAreMachines() {
        Duration window = Duration.ofSeconds(10);
        assertThat(MachineOpens.machine(PERSON, SENT, null, SENT.plusSeconds(3), window)).isTrue();
        assertThat(MachineOpens.machine(PERSON, SENT, SENT.plusSeconds(60), SENT.plusSeconds(65), window))
                .as("counted from delivery when known").isTrue();
        assertThat(MachineOpens.machine(PERSON, SENT, null, SENT.plusSeconds(30), window)).isFalse();
        assertThat(MachineOpens.machine("Mozilla/5.0", SENT, null, SENT.plusSeconds(30), window)).as("Apple MPP").isTrue();
        assertThat(MachineOpens.machine("Mimecast-Url-Scanner/1.0", SENT, null, SENT.plusSeconds(30), window)).isTrue();
        assertThat(MachineOpens.machine(null, SENT, null, SENT.plusSeconds(30), window)).isTrue();
        assertThat(MachineOpens.machine("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
                SENT, null, SENT.plusSeconds(30), window)).as("Gmail fetches when a person opens").isFalse();
    }

    @Test
    void segmentsFollowTheEncodingLimits() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments("GSM-7", 161, 2));
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsSegments.of("{".repeat(80))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
        assertThat(SmsSegments.of("é".repeat(70)).encoding()).isEqualTo("GSM-7");
        assertThat(SmsSegments.of("ê".repeat(70))).isEqualTo(new SmsSegments("UCS-2", 70, 1));
        assertThat(SmsSegments.of("ê".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("😀".repeat(35))).as("emoji take two UTF-16 units").isEqualTo(new SmsSegments("UCS-2", 70, 1));
        assertThat(SmsSegments.of("").segments()).isZero();
    }

    @Property
    void gsmTextsTakeAsManySegmentsAsTheirSeptetsNeed(@ForAll @StringLength(min = 1, max = 1000) @CharRange(from = 'a', to = 'z') String text) {
        SmsSegments segments = SmsSegments.of(text);
        int expected = text.length() <= 160 ? 1 : (text.length() + 152) / 153;
        assertThat(segments.segments()).isEqualTo(expected);
    }

    @Test
    void addressesAreNormalisedOrRefused() {
        assertThat(Recipients.normalEmail(" Ada@Example.COM ")).isEqualTo("ada@example.com");
        assertThat(Recipients.normalEmail("ada@localhost")).isNull();
        assertThat(Recipients.normalEmail("a b@example.com")).isNull();
        assertThat(Recipients.normalPhone("+1 (415) 555-0123")).isEqualTo("+14155550123");
        assertThat(Recipients.normalPhone("0044 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(Recipients.normalPhone("555-0123")).isNull();
        assertThat(Recipients.normalPhone("+0123456789")).isNull();
    }
}
