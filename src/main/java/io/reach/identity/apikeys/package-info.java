/**
 * A workspace's API keys: created by a signed-in member with scopes they hold themselves (the
 * secret shown once), listed, revoked, and accepted as {@code Bearer rk_…} credentials by
 * {@code ApiKeyAuthenticator}. It uses from the module root only the published principals, the
 * token digests, the request origin and {@code Actor}; nothing else in the module uses it (what a
 * key may do is decided in the root with its {@code ApiKeyPrincipal}).
 */
@NullMarked
package io.reach.identity.apikeys;

import org.jspecify.annotations.NullMarked;
