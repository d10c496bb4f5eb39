/**
 * Concurrency helpers shared by the modules: {@link io.reach.platform.concurrent.GroupCommit} folds the
 * calls that arrive together into one batch (one transaction, one round trip) instead of one each.
 */
@NullMarked
package io.reach.platform.concurrent;

import org.jspecify.annotations.NullMarked;
