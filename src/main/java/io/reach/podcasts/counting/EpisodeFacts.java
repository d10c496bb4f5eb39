package io.reach.podcasts.counting;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What counting needs of an episode: the bytes a download must reach (the threshold measured from
 * its audio, else the whole file, as the guidelines ask when sizes cannot be computed), and where
 * its ads lie in the file.
 */
record EpisodeFacts(
        UUID id,
        UUID podcast,
        @Nullable Long thresholdBytes,
        @Nullable Long fileBytes,
        @Nullable Integer id3Bytes,
        @Nullable Integer bitrateKbps,
        @Nullable Integer durationSeconds,
        List<AdPlacement> ads) {

    /** The bytes a download must reach; null when neither the threshold nor the file's size is known. */
    @Nullable
    Long requiredBytes() {
        return thresholdBytes != null ? thresholdBytes : fileBytes;
    }

    /** An ad placed in the episode: its seconds, and whether it is inserted dynamically (then delivered only whole). */
    record AdPlacement(UUID id, double positionSeconds, double durationSeconds, boolean dynamic) {}

    /** The ad's bytes in the file, {@code [from, to)}; null when the audio's bytes per second are not known. */
    long @Nullable [] byteWindow(AdPlacement ad) {
        double perSecond;
        long header = id3Bytes == null ? 0 : id3Bytes;
        if (bitrateKbps != null && bitrateKbps > 0) {
            perSecond = bitrateKbps * 1000 / 8.0;
        } else if (fileBytes != null && durationSeconds != null && durationSeconds > 0) {
            perSecond = (fileBytes - header) / (double) durationSeconds;
        } else {
            return null;
        }
        long from = header + (long) Math.floor(ad.positionSeconds() * perSecond);
        long to = header + (long) Math.ceil((ad.positionSeconds() + ad.durationSeconds()) * perSecond);
        if (fileBytes != null) {
            to = Math.min(to, fileBytes);
            from = Math.min(from, Math.max(0, to - 1));
        }
        return new long[] {from, to};
    }
}
