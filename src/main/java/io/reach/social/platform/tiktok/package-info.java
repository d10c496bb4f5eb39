/**
 * The TikTok adapter: Content Posting API and the account's videos.
 */
@NullMarked
package io.reach.social.platform.tiktok;

import org.jspecify.annotations.NullMarked;
