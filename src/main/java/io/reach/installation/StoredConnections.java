package io.reach.installation;

import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.ConnectionStore;
import io.reach.platform.crypto.SecretBox;
import io.reach.platform.time.UtcTimes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connections platform admins stored: fields that are not secret as JSON, secret ones as a
 * JSON object sealed with the platform keyset and bound to the row's kind.
 */
@Repository
class StoredConnections implements ConnectionStore {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private static final String ONE = """
            select kind, settings::text as settings, secrets, updated_at, updated_by
            from installation.connections where kind = :kind""";
    private static final String UPSERT = """
            insert into installation.connections (kind, settings, secrets, updated_at, updated_by)
            values (:kind, :settings::jsonb, :secrets, :now, :by)
            on conflict (kind) do update set settings = excluded.settings, secrets = excluded.secrets,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by""";
    private static final String DELETE = "delete from installation.connections where kind = :kind";

    /** A stored connection, secrets opened. */
    record Stored(
            Map<String, String> values,
            Instant updatedAt,
            @Nullable UUID updatedBy) {}

    private record Row(
            String kind,
            String settings,
            byte @Nullable [] secrets,
            Instant updatedAt,
            @Nullable UUID updatedBy) {}

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final JsonMapper json;

    StoredConnections(JdbcClient jdbc, SecretBox box, JsonMapper json) {
        this.jdbc = jdbc;
        this.box = box;
        this.json = json;
    }

    @Override
    public Map<String, String> load(ConnectionKind kind) {
        return find(kind).map(Stored::values).orElse(Map.of());
    }

    Optional<Stored> find(ConnectionKind kind) {
        return jdbc.sql(ONE)
                .param("kind", kind.code())
                .query(Row.class)
                .optional()
                .map(row -> {
                    Map<String, String> values = new LinkedHashMap<>(json.readValue(row.settings(), FIELDS));
                    if (row.secrets() != null) {
                        values.putAll(json.readValue(
                                new String(box.decrypt(row.secrets(), associatedData(kind)), StandardCharsets.UTF_8),
                                FIELDS));
                    }
                    return new Stored(values, row.updatedAt(), row.updatedBy());
                });
    }

    void save(ConnectionKind kind, Map<String, String> values, Instant now, @Nullable UUID by) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        kind.fields().forEach(field -> {
            String value = values.get(field.name());
            if (value != null) {
                (field.secret() ? secret : plain).put(field.name(), value);
            }
        });
        jdbc.sql(UPSERT)
                .param("kind", kind.code())
                .param("settings", json.writeValueAsString(plain))
                .param(
                        "secrets",
                        secret.isEmpty()
                                ? null
                                : box.encrypt(
                                        json.writeValueAsString(secret).getBytes(StandardCharsets.UTF_8),
                                        associatedData(kind)))
                .param("now", UtcTimes.utc(now))
                .param("by", by)
                .update();
    }

    boolean delete(ConnectionKind kind) {
        return jdbc.sql(DELETE).param("kind", kind.code()).update() == 1;
    }

    static String associatedData(ConnectionKind kind) {
        return "installation.connections:" + kind.code();
    }
}
