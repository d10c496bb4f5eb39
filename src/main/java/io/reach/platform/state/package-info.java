/**
 * State machines of the modules' status enums: each enum declares its moves once as a
 * {@link io.reach.platform.state.Transitions} table, and a refused move is a readable 409.
 */
@NullMarked
package io.reach.platform.state;

import org.jspecify.annotations.NullMarked;
