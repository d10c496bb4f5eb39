/**
 * The e-mail channel of campaigns: the SMTP carrier and composer, tracking links, pixel and
 * Message-IDs, unsubscribes, delivery reports and bounces, e-mail campaigns and their sends.
 */
@NullMarked
package io.reach.campaigns.email;

import org.jspecify.annotations.NullMarked;
