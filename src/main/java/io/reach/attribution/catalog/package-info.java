/**
 * A workspace's attribution models (the seven kinds, named, with their parameters; the defaults
 * made on first use) through the API.
 */
@NullMarked
package io.reach.attribution.catalog;

import org.jspecify.annotations.NullMarked;
