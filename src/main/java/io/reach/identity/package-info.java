/**
 * People and their access: users, memberships in tenants, sign-up and sign-in, tokens, API keys
 * and the principal every request acts as.
 */
@NullMarked
package io.reach.identity;

import org.jspecify.annotations.NullMarked;
