/** The tenant of the current work, and how it reaches PostgreSQL's row-level security. */
@NullMarked
package io.reach.platform.tenant;

import org.jspecify.annotations.NullMarked;
