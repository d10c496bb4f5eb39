/**
 * The provider SPI every platform adapter implements ({@link io.reach.social.platform.SocialProvider}) and the
 * plumbing they share: OAuth 2 with PKCE, HTTP calls and error bodies, media fetched from public
 * addresses, captions. One sub-package per platform; no platform package uses another.
 */
@NullMarked
package io.reach.social.platform;

import org.jspecify.annotations.NullMarked;
