package io.reach.identity;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /** Ownable types answered by one fixed {@code select exists (…)} statement each, with {@code :id}. */
    abstract class ByQuery implements OwnableResources {

        private final JdbcClient jdbc;
        private final Map<String, String> existsQueries;

        protected ByQuery(JdbcClient jdbc, Map<String, String> existsQueries) {
            this.jdbc = jdbc;
            this.existsQueries = Map.copyOf(existsQueries);
        }

        @Override
        public Set<String> types() {
            return existsQueries.keySet();
        }

        @Override
        public boolean exists(String type, UUID id) {
            String query = existsQueries.get(type);
            return query != null
                    && Boolean.TRUE.equals(
                            jdbc.sql(query).param("id", id).query(Boolean.class).single());
        }
    }
}
