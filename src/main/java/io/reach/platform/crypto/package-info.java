/** Secrets at rest: Tink AEAD (AES-256-GCM) with key rotation, each ciphertext bound to its row. */
@NullMarked
package io.reach.platform.crypto;

import org.jspecify.annotations.NullMarked;
