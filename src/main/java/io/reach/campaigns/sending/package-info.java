/**
 * What e-mail and SMS share to send: recipients, the send queue and its dispatcher with its run
 * leases, the carrier SPI each channel implements ({@link io.reach.campaigns.sending.Carrier}),
 * the message campaign and send states, and the sending life (send, pause, resume, cancel). It
 * knows the campaigns only through {@link io.reach.campaigns.CampaignsForSending}.
 */
@NullMarked
package io.reach.campaigns.sending;

import org.jspecify.annotations.NullMarked;
