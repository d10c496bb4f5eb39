/**
 * Campaigns and messaging: campaigns with budgets and retailer participants, versioned
 * templates rendered with Mustache, e-mail campaigns sent over SMTP and SMS campaigns sent
 * through a Twilio-shaped provider, each recipient at most once, with delivery tracking.
 */
@NullMarked
package io.reach.campaigns;

import org.jspecify.annotations.NullMarked;
