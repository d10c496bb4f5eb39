/**
 * The measurement engine: event ingestion (validated per event, written with {@code COPY} and
 * acknowledged after commit), day-partitioned event tables kept ahead and expired, and the
 * analytics built on them.
 */
@NullMarked
package io.reach.measurement;

import org.jspecify.annotations.NullMarked;
