/**
 * Social platforms and connected social accounts: the channel catalog with each platform's
 * constraints, one adapter per platform, accounts and their encrypted tokens, and the analytics
 * sync (metrics, follower changes, top content, audience).
 */
@NullMarked
package io.reach.social;

import org.jspecify.annotations.NullMarked;
