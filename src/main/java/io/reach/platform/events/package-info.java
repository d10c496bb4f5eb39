/** Upkeep of the module-event outbox: failed deliveries retried, completed publications forgotten after a week. */
@NullMarked
package io.reach.platform.events;

import org.jspecify.annotations.NullMarked;
