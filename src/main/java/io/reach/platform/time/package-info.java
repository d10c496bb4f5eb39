/** Time conventions shared by every module: UTC on the wire and in {@code timestamptz} parameters. */
@NullMarked
package io.reach.platform.time;

import org.jspecify.annotations.NullMarked;
