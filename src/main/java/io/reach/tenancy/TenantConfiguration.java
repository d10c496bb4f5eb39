package io.reach.tenancy;

import java.util.Map;

/** The tenant-scoped part of a tenant: its rows in tenant_settings, tenant_quotas and white_label_settings. */
record TenantConfiguration(Map<String, Object> settings, TenantQuotas quotas, WhiteLabel whiteLabel) {}
