/**
 * The X (API v2) adapter: posting, media upload, engagement and mentions.
 */
@NullMarked
package io.reach.social.platform.x;

import org.jspecify.annotations.NullMarked;
