/**
 * Transcripts: an episode's words with their times, read from SRT, WebVTT, Podcasting 2.0 JSON or
 * plain text (uploaded or fetched from the feed's {@code podcast:transcript}), searched with the
 * language's text-search configuration, flagged for brand safety, and embedded for sponsor matching.
 */
@NullMarked
package io.reach.podcasts.transcripts;

import org.jspecify.annotations.NullMarked;
