/**
 * The LinkedIn adapter: posts, media upload and social actions.
 */
@NullMarked
package io.reach.social.platform.linkedin;

import org.jspecify.annotations.NullMarked;
