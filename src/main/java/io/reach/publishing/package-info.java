/**
 * Posts with per-platform variants and their approval workflow (this slice); publish jobs,
 * automations, consents and inbound events (to come).
 */
@NullMarked
package io.reach.publishing;

import org.jspecify.annotations.NullMarked;
