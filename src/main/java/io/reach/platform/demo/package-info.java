/**
 * The demo workspace's contract (REACH_DEMO=true): each module that has something to show seeds its
 * own sample data ({@link io.reach.platform.demo.DemoSeed}); the demo module makes the workspace
 * and runs the seeds in order, acting as its owner.
 */
@NullMarked
package io.reach.platform.demo;

import org.jspecify.annotations.NullMarked;
