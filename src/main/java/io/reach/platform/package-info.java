/**
 * The shared kernel: tenant context, errors, paging, ids, clock, embedded PostgreSQL, web and security conventions.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.reach.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
