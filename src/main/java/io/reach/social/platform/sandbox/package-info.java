/**
 * The sandbox platform: a channel inside Reach that accepts posts locally and reports engagement,
 * off unless {@code reach.social.sandbox.enabled} is set, so publishing can be tried without any
 * platform's developer app.
 */
@NullMarked
package io.reach.social.platform.sandbox;

import org.jspecify.annotations.NullMarked;
