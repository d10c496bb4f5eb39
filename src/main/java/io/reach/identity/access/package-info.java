/**
 * What people may do: roles and their permissions (system roles seeded per tenant), API key scopes,
 * delegation (nobody grants more than they hold), access policies with their CIDR conditions. The
 * module root (invitations, API keys, the access control services and the kernel's decision hook) and
 * sign-up use this package; it knows people only through the published principals and never uses
 * sign-in.
 */
@NullMarked
package io.reach.identity.access;

import org.jspecify.annotations.NullMarked;
