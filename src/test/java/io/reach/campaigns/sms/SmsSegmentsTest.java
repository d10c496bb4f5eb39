package io.reach.campaigns.sms;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** How many segments an SMS body takes, by its encoding. */
class SmsSegmentsTest {

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
        assertThat(SmsSegments.of("😀".repeat(35)))
                .as("emoji take two UTF-16 units")
                .isEqualTo(new SmsSegments("UCS-2", 70, 1));
        assertThat(SmsSegments.of("").segments()).isZero();
    }

    @Property
    void gsmTextsTakeAsManySegmentsAsTheirSeptetsNeed(
            @ForAll @StringLength(min = 1, max = 1000) @CharRange(from = 'a', to = 'z') String text) {
        SmsSegments segments = SmsSegments.of(text);
        int expected = text.length() <= 160 ? 1 : (text.length() + 152) / 153;
        assertThat(segments.segments()).isEqualTo(expected);
    }
}
