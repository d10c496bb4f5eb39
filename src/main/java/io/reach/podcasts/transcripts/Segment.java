package io.reach.podcasts.transcripts;

import org.jspecify.annotations.Nullable;

/** A stretch of a transcript: its words, who says them and when (milliseconds from the start), if known. */
public record Segment(
        int position,
        @Nullable Integer startsMs,
        @Nullable Integer endsMs,
        @Nullable String speaker,
        String body) {}
