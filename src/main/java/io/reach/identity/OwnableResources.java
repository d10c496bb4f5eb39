package io.reach.identity;

import java.util.Set;
import java.util.UUID;

/**
 * What a module lets members own, for ownership-based access policies ({@code resource.owner_id}):
 * the permission resource types its objects answer to (as named in {@code @RequiresPermission}), and
 * whether an id names one of the current tenant's objects of that type. Each module answers for
 * its own tables with fixed statements, under row-level security, so another tenant's object
 * looks exactly like one that does not exist.
 */
public interface OwnableResources {

    Set<String> types();

    /** Whether {@code id} names an object of {@code type} of the current tenant; called in its transaction. */
    boolean exists(String type, UUID id);
}
