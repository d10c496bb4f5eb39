/**
 * The attribution models as pure functions of journeys: first and last touch, linear,
 * position-based, time decay, the Markov removal effect (solved exactly on the absorbing chain)
 * and the Shapley value (exact). No database, no clock: the same journeys give the same credit.
 */
@NullMarked
package io.reach.attribution.models;

import org.jspecify.annotations.NullMarked;
