/**
 * Counting downloads by the IAB Podcast Measurement Technical Guidelines: the per-request filters
 * (each a reason), the one-minute rule over the union of delivered byte ranges, the counting
 * windows, ads delivered, and the derivation that writes a day's downloads and metrics again
 * whenever it is asked to.
 */
@NullMarked
package io.reach.podcasts.counting;

import org.jspecify.annotations.NullMarked;
