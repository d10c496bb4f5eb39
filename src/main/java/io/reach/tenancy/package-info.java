/**
 * Tenants (the reference models' tenants, workspaces and organisations) with their settings,
 * quotas and white label; the platform admin's tenant API.
 */
@NullMarked
package io.reach.tenancy;

import org.jspecify.annotations.NullMarked;
