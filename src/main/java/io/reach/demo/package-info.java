/**
 * The demo workspace (REACH_DEMO=true, off by default): a workspace with a month of realistic
 * sample data from every module (DemoSeed), and the sandbox platform on, so the console can be
 * tried in a minute.
 */
@NullMarked
package io.reach.demo;

import org.jspecify.annotations.NullMarked;
