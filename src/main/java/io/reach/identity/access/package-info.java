/**
 * What people may do: roles and their permissions (system roles seeded per tenant), API key scopes,
 * delegation (nobody grants more than they hold), access policies with their CIDR conditions. The
 * module root (sign-in, invitations, API keys, the access controllers and the kernel's decision hook)
 * uses this package; it knows people only through the published principals.
 */
@NullMarked
package io.reach.identity.access;

import org.jspecify.annotations.NullMarked;
