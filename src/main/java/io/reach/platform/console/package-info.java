/**
 * What every module's console pages share: the {@link io.reach.platform.console.ConsolePage} marker,
 * the navigation links a module contributes ({@link io.reach.platform.console.ConsoleLink}) and the
 * {@link io.reach.platform.console.Shell} the layout draws around a page. The console module fills it.
 */
@NullMarked
package io.reach.platform.console;

import org.jspecify.annotations.NullMarked;
