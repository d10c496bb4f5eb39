package io.reach.podcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The one-minute threshold from synthetic MP3 files whose frame arithmetic is known. */
class AudioFactsTest {

    /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 144 * 128000 / 44100 = 417 bytes of 26.12 ms. */
    static final byte[] MPEG1_128K = {(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x00};
    /** MPEG-2 Layer III, 64 kbit/s, 22.05 kHz: 72 * 64000 / 22050 = 208 bytes of 576 samples (26.12 ms). */
    static final byte[] MPEG2_64K = {(byte) 0xff, (byte) 0xf3, (byte) 0x80, 0x00};
    /** Frames of 26.122 ms that make up a minute: ceil(60 / (1152 / 44100)). */
    static final int MINUTE_OF_FRAMES = 2297;

    @Test
    void theThresholdIsTheTagAndTheFramesOfTheFirstMinute() {
        byte[] file = file(id3(1000, false), MPEG1_128K, 417, 5000);
        AudioFacts facts = AudioFacts.measure(file, file.length);
        assertThat(facts.id3Bytes()).isEqualTo(1010);
        assertThat(facts.thresholdBytes()).isEqualTo(1010L + MINUTE_OF_FRAMES * 417L);
        assertThat(facts.bitrateKbps()).isEqualTo(128);
        assertThat(facts.estimated()).isFalse();
        assertThat(facts.durationSeconds()).isBetween(129, 131);
    }

    @Test
    void mpeg2LayerThreeFramesAreHalfAsLongInBytes() {
        byte[] file = file(id3(0, false), MPEG2_64K, 208, 3000);
        AudioFacts facts = AudioFacts.measure(file, file.length);
        assertThat(facts.thresholdBytes()).isEqualTo(10L + MINUTE_OF_FRAMES * 208L);
        assertThat(facts.bitrateKbps()).isEqualTo(64);
    }

    @Test
    void aTagWithAFooterCountsItsTenBytesAndAShortEpisodeNeedsTheWholeFile() {
        byte[] file = file(id3(200, true), MPEG1_128K, 417, 1000);
        AudioFacts facts = AudioFacts.measure(file, file.length);
        assertThat(facts.id3Bytes()).isEqualTo(220);
        assertThat(facts.thresholdBytes()).as("26 s of audio: the whole file").isEqualTo(file.length);
        assertThat(facts.durationSeconds()).isEqualTo(26);
    }

    @Test
    void aPrefixShorterThanAMinuteOfALongerFileGivesAnEstimate() {
        byte[] file = file(id3(0, false), MPEG1_128K, 417, 5000);
        byte[] prefix = java.util.Arrays.copyOf(file, 100_000);
        AudioFacts facts = AudioFacts.measure(prefix, file.length);
        assertThat(facts.estimated()).isTrue();
        assertThat(facts.thresholdBytes()).isBetween(10L + 950_000, 10L + 970_000);
    }

    @Test
    void noTagAndNoFramesFallBackToTheWholeFile() {
        byte[] junk = new byte[4096];
        assertThat(AudioFacts.id3Size(junk)).isZero();
        AudioFacts facts = AudioFacts.measure(junk, 1_000_000);
        assertThat(facts.thresholdBytes()).isEqualTo(1_000_000);
        assertThat(facts.estimated()).isTrue();
    }

    /** An ID3v2.4 header whose body is {@code size} bytes (written syncsafe), then that many zero bytes. */
    static byte[] id3(int size, boolean footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, (byte) (footer ? 0x10 : 0)});
        out.writeBytes(new byte[] {
            (byte) ((size >> 21) & 0x7f),
            (byte) ((size >> 14) & 0x7f),
            (byte) ((size >> 7) & 0x7f),
            (byte) (size & 0x7f)
        });
        out.writeBytes(new byte[size + (footer ? 10 : 0)]);
        return out.toByteArray();
    }

    static byte[] file(byte[] tag, byte[] header, int frameLength, int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tag);
        byte[] frame = new byte[frameLength];
        System.arraycopy(header, 0, frame, 0, 4);
        for (int i = 0; i < frames; i++) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }
}
