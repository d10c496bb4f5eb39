/**
 * Users kept in step with Clerk, an external identity provider: its Svix-signed webhook, the
 * user events it delivers, the users it describes written into {@code identity.users}, and the
 * deliveries remembered so a replay is applied once. It uses from the module root only the
 * standings cache (a user changed) and the request origin, and from sign-in only ending sessions;
 * nothing else in the module uses it.
 */
@NullMarked
package io.reach.identity.clerk;

import org.jspecify.annotations.NullMarked;
