/**
 * Download figures as listeners, hosts and sponsors read them: per podcast and episode over time,
 * downloads in the days since release, apps, devices and countries, the requests not counted by
 * reason, CSV exports and read-only report links.
 */
@NullMarked
package io.reach.podcasts.metrics;

import org.jspecify.annotations.NullMarked;
