package io.reach.attribution.catalog;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.attribution.models.ModelKind;
import io.reach.platform.web.Codes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code attribution.models}, in the workspace's transaction. */
@Repository
public class AttributionModels {

    private static final String SELECT =
            "select id, name, model_type, configuration::text as configuration, enabled, created_at, updated_at"
                    + " from attribution.models";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AttributionModels(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A model as the API shows it. */
    public record StoredModel(
            UUID id,
            String name,
            ModelKind modelType,
            Map<String, @Nullable Object> configuration,
            boolean enabled,
            Instant createdAt,
            Instant updatedAt) {}

    public List<StoredModel> all() {
        return jdbc.sql(SELECT + " order by created_at, name")
                .query(this::model)
                .list();
    }

    Optional<StoredModel> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::model)
                .optional();
    }

    boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("select exists (select 1 from attribution.models where lower(name) = lower(:name)"
                        + " and id is distinct from :except)")
                .param("name", name)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    void insert(UUID id, String name, ModelKind kind, Map<String, Object> configuration, boolean enabled, Instant now) {
        jdbc.sql("""
                insert into attribution.models (tenant_id, id, name, model_type, configuration, enabled, created_at, updated_at)
                values (platform.current_tenant_id(), :id, :name, :kind, cast(:configuration as jsonb), :enabled, :now, :now)""")
                .param("id", id)
                .param("name", name)
                .param("kind", kind.code())
                .param("configuration", json.writeValueAsString(configuration))
                .param("enabled", enabled)
                .param("now", utc(now))
                .update();
    }

    boolean update(UUID id, String name, Map<String, Object> configuration, boolean enabled, Instant now) {
        return jdbc.sql("""
                update attribution.models set name = :name, configuration = cast(:configuration as jsonb),
                    enabled = :enabled, updated_at = :now
                where id = :id""")
                        .param("id", id)
                        .param("name", name)
                        .param("configuration", json.writeValueAsString(configuration))
                        .param("enabled", enabled)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from attribution.models where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private StoredModel model(ResultSet rs, int row) throws SQLException {
        return new StoredModel(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Objects.requireNonNull(rs.getString("name")),
                Codes.stored(ModelKind.class, Objects.requireNonNull(rs.getString("model_type"))),
                json.readValue(Objects.requireNonNull(rs.getString("configuration")), new TypeReference<>() {}),
                rs.getBoolean("enabled"),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                Objects.requireNonNull(rs.getObject("updated_at", OffsetDateTime.class))
                        .toInstant());
    }
}
