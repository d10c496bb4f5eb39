/** Application-made, time-ordered ids. */
@NullMarked
package io.reach.platform.ids;

import org.jspecify.annotations.NullMarked;
