package io.reach.tenancy;

/**
 * Counts what a {@link Quota} of {@link Quota.Kind#COUNT} limits (members, campaigns, connected
 * accounts). The module that owns those rows implements it; it runs in a transaction bound to
 * the tenant, so it counts that tenant's rows only.
 */
public interface QuotaCounter {

    Quota quota();

    long count();
}
