/**
 * Reports shared with a sponsor: an expiring, revocable address that shows, without an account and
 * under the workspace's white label, the sponsor's delivery, downloads, conversions and cost per
 * acquisition.
 */
@NullMarked
package io.reach.attribution.reports;

import org.jspecify.annotations.NullMarked;
