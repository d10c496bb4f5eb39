/** How Reach's own queries ask PostgreSQL for plans and upkeep: ad-hoc reads, table maintenance after bulk writes. */
@NullMarked
package io.reach.platform.database;

import org.jspecify.annotations.NullMarked;
