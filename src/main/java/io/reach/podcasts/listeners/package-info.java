/**
 * Who a download request came from, without keeping its address: the daily listener key (an HMAC of
 * the IPv4 address or IPv6 /64 and the user agent), the longer-lived household key (the address
 * alone) and the network an IP list can still match.
 */
@NullMarked
package io.reach.podcasts.listeners;

import org.jspecify.annotations.NullMarked;
