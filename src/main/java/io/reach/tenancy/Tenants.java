package io.reach.tenancy;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The tenant registry ({@code tenancy.tenants}, a global table). */
interface Tenants extends ListCrudRepository<Tenant, UUID> {

    boolean existsBySlug(String slug);

    @Query("""
            select * from tenancy.tenants
            where id > :after and (cast(:status as text) is null or status = :status)
            order by id limit :limit""")
    List<Tenant> pageAfter(UUID after, @Nullable String status, int limit);

    @Query("select id from tenancy.tenants order by id")
    List<UUID> allIds();

    @Query("select id from tenancy.tenants where slug = :slug and status = 'active'")
    @Nullable
    UUID activeIdBySlug(String slug);

    @Query("select status = 'active' from tenancy.tenants where id = :id")
    @Nullable
    Boolean isActive(UUID id);
}
