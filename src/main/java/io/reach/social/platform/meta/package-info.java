/**
 * Meta's Graph API: the Facebook, Instagram and Threads adapters on one shared Graph platform.
 */
@NullMarked
package io.reach.social.platform.meta;

import org.jspecify.annotations.NullMarked;
