/**
 * The workspace's suppression lists, one per channel: addresses never sent to again, added by
 * hand or by what happened to a message (a hard bounce, a complaint, an unsubscribe, a STOP reply).
 */
@NullMarked
package io.reach.campaigns.suppression;

import org.jspecify.annotations.NullMarked;
