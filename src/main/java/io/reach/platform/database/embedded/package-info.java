/** The embedded PostgreSQL server Reach runs when no external database is configured. */
@NullMarked
package io.reach.platform.database.embedded;

import org.jspecify.annotations.NullMarked;
