/** {@code Idempotency-Key} support for POSTs: the first response is stored per tenant and replayed for 24 hours. */
@NullMarked
package io.reach.platform.idempotency;

import org.jspecify.annotations.NullMarked;
