package io.reach.campaigns;

import io.reach.platform.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small conversions between this module's rows and Java values. */
public final class Sql {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Sql() {}

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A {@code timestamptz not null} column: never null once read. */
    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    public static @Nullable UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static JsonNode json(ResultSet rs, String column) throws SQLException {
        return JSON.readTree(rs.getString(column));
    }

    /** Values as a text array parameter (nulls kept), for {@code cast(cast(:p as text[]) as <type>[])}. */
    public static String[] texts(java.util.stream.Stream<?> values) {
        return values.map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    public static UUID tenant() {
        return TenantContext.require().value();
    }
}
