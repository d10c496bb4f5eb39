package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small rules of messaging shared by both channels: recipient addresses (machine opens: {@code email.MachineOpensTest}, SMS segments: {@code sms.SmsSegmentsTest}). */
class MessageRulesTest {

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
