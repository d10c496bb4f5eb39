/** Request throttling with Bucket4j token buckets, answered with 429 and Retry-After. */
@NullMarked
package io.reach.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
