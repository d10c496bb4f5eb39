/**
 * Sponsor matching: podcasts ranked for a sponsor (and sponsors for a podcast) by a documented
 * weighted sum of explainable signals — topical fit by sentence embeddings, category, audience,
 * brand safety with the flagged passages as evidence, and budget — stored with their rationale.
 */
@NullMarked
package io.reach.podcasts.matching;

import org.jspecify.annotations.NullMarked;
