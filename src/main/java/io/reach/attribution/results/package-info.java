/**
 * Attribution results: the journeys of a period (each conversion with the touches of the same
 * visitor, else the same household, inside the lookback window; the touches that led to nothing as
 * non-converting journeys) credited by every model of the workspace, side by side.
 */
@NullMarked
package io.reach.attribution.results;

import org.jspecify.annotations.NullMarked;
