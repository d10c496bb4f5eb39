/**
 * Download requests coming in: lines of download logs through the API, log files (nginx or Apache,
 * S3, CloudFront) imported in the background, and the prefix redirect. Each request is stored once,
 * as received, keyed to its listener without its address.
 */
@NullMarked
package io.reach.podcasts.downloads;

import org.jspecify.annotations.NullMarked;
