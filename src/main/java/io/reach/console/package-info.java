/**
 * The console's shell: layout, navigation and home. Each module serves its own pages next to its
 * REST controllers, calling the same services; sign-in pages and the console session are identity's.
 */
@NullMarked
package io.reach.console;

import org.jspecify.annotations.NullMarked;
