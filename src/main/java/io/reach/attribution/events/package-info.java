/**
 * Touches and conversions coming in: batches through the API (server to server), one stream in
 * {@code attribution.events}, the keys Reach does not model kept in {@code attribution.event_metadata};
 * never a raw address, only the household key made from it.
 */
@NullMarked
package io.reach.attribution.events;

import org.jspecify.annotations.NullMarked;
