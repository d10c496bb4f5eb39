/**
 * Sponsorship: the sponsors a workspace sells to and their insertion orders (flight, podcasts and
 * episodes, goal, price, promo code, vanity address), with delivery against the goal.
 */
@NullMarked
package io.reach.podcasts.sponsorship;

import org.jspecify.annotations.NullMarked;
