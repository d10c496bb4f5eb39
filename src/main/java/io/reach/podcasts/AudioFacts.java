package io.reach.podcasts;

import org.jspecify.annotations.Nullable;

/**
 * What download counting needs to know about an episode's MP3 file, read from its first bytes: the
 * size of its ID3v2 tag, its bitrate and duration, and {@code thresholdBytes} — the bytes a download
 * must cover to count under the IAB guidelines' one-minute rule: the ID3 tag and one minute of
 * audio, or the whole file for an episode of a minute or less.
 *
 * <p>The tag's size is {@code 10 + size + (footer ? 10 : 0)}, its size a 28-bit "syncsafe" integer
 * (ID3v2.4 structure, section 3.1). One minute of audio is found by walking MPEG audio frames from the
 * end of the tag, each accepted only when the next one starts where its length says, adding each
 * frame's duration (samples per frame / sample rate) until 60 s: exact for variable bitrates too. A
 * frame's length is {@code 144 * bitrate / rate} (+ padding) for MPEG-1 and {@code 72 * bitrate / rate}
 * for MPEG-2 and 2.5 Layer III, which have 576 samples per frame; Layer I frames are four-byte slots.
 * When the bytes given end before a minute and are not the whole file, the minute is estimated from
 * the frames read and {@code estimated} says so.
 */
record AudioFacts(
        int id3Bytes,
        @Nullable Integer bitrateKbps,
        @Nullable Integer durationSeconds,
        long thresholdBytes,
        boolean estimated) {

    static final double MINUTE = 60.0;

    private static final int[][] BITRATES = {
        {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // V1 L1
        {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // V1 L2
        {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // V1 L3
        {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // V2 L1
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160} // V2 L2 and L3
    };
    private static final int[][] RATES = {{44100, 48000, 32000}, {22050, 24000, 16000}, {11025, 12000, 8000}};

    /** Facts from the first bytes of a file of {@code fileBytes} bytes ({@code prefix} may be all of it). */
    static AudioFacts measure(byte[] prefix, long fileBytes) {
        int id3 = id3Size(prefix);
        long offset = id3;
        double seconds = 0;
        long audioBytes = 0;
        long frames = 0;
        while (seconds < MINUTE) {
            Frame frame = Frame.at(prefix, offset);
            if (frame == null) {
                break;
            }
            long next = offset + frame.length();
            boolean followed = next >= prefix.length || next >= fileBytes || Frame.at(prefix, next) != null;
            if (!followed) {
                break;
            }
            offset = next;
            audioBytes += frame.length();
            seconds += frame.seconds();
            frames++;
        }
        Integer kbps = seconds > 0 ? (int) Math.round(audioBytes * 8 / seconds / 1000) : null;
        if (seconds >= MINUTE) {
            Integer duration = kbps == null || fileBytes <= 0 ? null : (int) ((fileBytes - id3) * 8 / (kbps * 1000L));
            return new AudioFacts(id3, kbps, duration, offset, false);
        }
        if (prefix.length >= fileBytes || frames > 0 && offset >= fileBytes) {
            return new AudioFacts(id3, kbps, (int) Math.round(seconds), fileBytes, false);
        }
        long estimate = kbps == null ? fileBytes : Math.min(fileBytes, id3 + Math.round(kbps * 1000L / 8.0 * MINUTE));
        Integer duration = kbps == null ? null : (int) ((fileBytes - id3) * 8 / (kbps * 1000L));
        return new AudioFacts(id3, kbps, duration, estimate, true);
    }

    /** The whole ID3v2 tag's size (header, body and footer), or 0 when the file does not start with one. */
    static int id3Size(byte[] bytes) {
        if (bytes.length < 10 || bytes[0] != 'I' || bytes[1] != 'D' || bytes[2] != '3') {
            return 0;
        }
        if ((bytes[3] & 0xff) == 0xff || (bytes[4] & 0xff) == 0xff) {
            return 0;
        }
        int size = 0;
        for (int i = 6; i < 10; i++) {
            if ((bytes[i] & 0x80) != 0) {
                return 0;
            }
            size = (size << 7) | bytes[i];
        }
        boolean footer = (bytes[5] & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    /** One MPEG audio frame's header as far as length and duration go. */
    private record Frame(int length, double seconds) {

        static @Nullable Frame at(byte[] bytes, long at) {
            if (at < 0 || at + 4 > bytes.length) {
                return null;
            }
            int i = (int) at;
            int b1 = bytes[i] & 0xff;
            int b2 = bytes[i + 1] & 0xff;
            int b3 = bytes[i + 2] & 0xff;
            if (b1 != 0xff || (b2 & 0xe0) != 0xe0) {
                return null;
            }
            int version = (b2 >> 3) & 0x3; // 0: 2.5, 2: 2, 3: 1
            int layer = (b2 >> 1) & 0x3; // 1: III, 2: II, 3: I
            int bitrateIndex = (b3 >> 4) & 0xf;
            int rateIndex = (b3 >> 2) & 0x3;
            if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
                return null;
            }
            boolean mpeg1 = version == 3;
            int table = mpeg1 ? 3 - layer : layer == 3 ? 3 : 4;
            int bitrate = BITRATES[table][bitrateIndex - 1] * 1000;
            int rate = RATES[mpeg1 ? 0 : version == 2 ? 1 : 2][rateIndex];
            int padding = (b3 >> 1) & 0x1;
            int samples;
            int length;
            if (layer == 3) {
                samples = 384;
                length = (12 * bitrate / rate + padding) * 4;
            } else {
                samples = layer == 1 && !mpeg1 ? 576 : 1152;
                length = samples / 8 * bitrate / rate + padding;
            }
            return length < 4 ? null : new Frame(length, (double) samples / rate);
        }
    }
}
