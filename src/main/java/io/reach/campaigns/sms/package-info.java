/**
 * The SMS channel of campaigns: the Twilio-shaped carrier, status and STOP/START callbacks,
 * segments, SMS campaigns and their sends.
 */
@NullMarked
package io.reach.campaigns.sms;

import org.jspecify.annotations.NullMarked;
