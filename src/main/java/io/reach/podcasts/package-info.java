/**
 * Podcasts and their episodes: the catalog (by hand, or imported and kept in sync from an RSS feed
 * with its iTunes and Podcasting 2.0 tags) that download measurement counts against.
 */
@NullMarked
package io.reach.podcasts;

import org.jspecify.annotations.NullMarked;
