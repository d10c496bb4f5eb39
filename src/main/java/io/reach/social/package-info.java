/**
 * Social platforms and connected social accounts: the channel catalog with each platform's
 * constraints (this slice), accounts, tokens and analytics sync (to come).
 */
@NullMarked
package io.reach.social;

import org.jspecify.annotations.NullMarked;
