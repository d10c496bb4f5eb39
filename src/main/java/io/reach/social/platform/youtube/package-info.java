/**
 * The YouTube adapter: resumable uploads, the Data and Analytics APIs, comments.
 */
@NullMarked
package io.reach.social.platform.youtube;

import org.jspecify.annotations.NullMarked;
