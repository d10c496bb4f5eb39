/**
 * Campaign performance: per e-mail and SMS campaign, per campaign over both channels and the top
 * campaigns, from the send rows and the measurement engine's engagements. It reads the send tables
 * and knows a campaign's name and status only through
 * {@link io.reach.campaigns.CampaignsForAnalytics}.
 */
@NullMarked
package io.reach.campaigns.analytics;

import org.jspecify.annotations.NullMarked;
