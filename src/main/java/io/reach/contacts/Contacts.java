package io.reach.contacts;

import static io.reach.platform.time.UtcTimes.instantOrNull;
import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.database.AdHocReads;
import io.reach.platform.tenant.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's contacts. */
@Repository
class Contacts {

    static final String COLUMNS = """
            id, email, phone, first_name, last_name, locale, time_zone, attributes::text as attributes, tags, status,
            source, engagement_score, last_activity_at, frequency, last_campaign_at, created_at, updated_at""";
    private static final String INSERT = """
            insert into contacts.contacts (tenant_id, id, email, phone, first_name, last_name, locale, time_zone,
                attributes, tags, status, source, created_at, updated_at)
            values (:tenant, :id, :email, :phone, :first_name, :last_name, :locale, :time_zone, cast(:attributes as jsonb),
                    :tags, :status, :source, :now, :now)""";
    private static final String FIND = "select " + COLUMNS + " from contacts.contacts where id = :id";
    private static final String FIND_BY_ADDRESS = "select " + COLUMNS + " from contacts.contacts"
            + " where email = cast(:email as text) or phone = cast(:phone as text)"
            + " order by id limit 2";
    private static final String UPDATE = """
            update contacts.contacts set email = :email, phone = :phone, first_name = :first_name,
                last_name = :last_name, locale = :locale, time_zone = :time_zone,
                attributes = cast(:attributes as jsonb), tags = :tags, updated_at = :now
            where id = :id""";
    private static final String SET_STATUS = """
            update contacts.contacts set status = :status, updated_at = :now where id = :id and status <> :status""";
    private static final String SET_FREQUENCY =
            "update contacts.contacts set frequency = :frequency, updated_at = :now where id = :id";
    private static final String DELETE = "delete from contacts.contacts where id = :id";
    private static final String PAGE = "select " + COLUMNS + " from contacts.contacts c where id < :before";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    static final RowMapper<Contact> ROW = Contacts::contact;

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID id, ContactDetails details, ContactStatus status, ContactSource source, Instant now) {
        bindDetails(jdbc.sql(INSERT), details)
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .param("status", status.code())
                .param("source", source.code())
                .param("now", utc(now))
                .update();
    }

    Optional<Contact> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(ROW).optional();
    }

    /** The contacts with this e-mail address or this number (two at most: one of each). */
    List<Contact> withAddress(@Nullable String email, @Nullable String phone) {
        return jdbc.sql(FIND_BY_ADDRESS)
                .param("email", email)
                .param("phone", phone)
                .query(ROW)
                .list();
    }

    /** Newest first, below the id {@code before}, under the filter; {@code limit} rows at most. */
    List<Contact> page(ContactFilter filter, UUID before, int limit) {
        StringBuilder sql = new StringBuilder(PAGE);
        filter.where(sql);
        AdHocReads.planForTheValues(jdbc);
        sql.append(" order by id desc limit :limit");
        return filter.bind(jdbc.sql(sql.toString()))
                .param("before", before)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    boolean update(UUID id, ContactDetails details, Instant now) {
        return bindDetails(jdbc.sql(UPDATE), details)
                        .param("id", id)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    void setFrequency(UUID id, Frequency frequency, Instant now) {
        jdbc.sql(SET_FREQUENCY)
                .param("id", id)
                .param("frequency", frequency.code())
                .param("now", utc(now))
                .update();
    }

    /** Sets the status; false when it already was that. */
    boolean setStatus(UUID id, ContactStatus status, Instant now) {
        return jdbc.sql(SET_STATUS)
                        .param("id", id)
                        .param("status", status.code())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    private static JdbcClient.StatementSpec bindDetails(JdbcClient.StatementSpec spec, ContactDetails details) {
        return spec.param("email", details.email())
                .param("phone", details.phone())
                .param("first_name", details.firstName())
                .param("last_name", details.lastName())
                .param("locale", details.locale())
                .param("time_zone", details.timeZone())
                .param("attributes", json(details.attributes()))
                .param("tags", details.tags().toArray(String[]::new));
    }

    static String json(Map<String, Object> attributes) {
        return JSON.writeValueAsString(attributes);
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lastActivity = rs.getObject("last_activity_at", OffsetDateTime.class);
        return new Contact(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("locale"),
                rs.getString("time_zone"),
                JSON.readValue(rs.getString("attributes"), OBJECT),
                texts(rs.getArray("tags")),
                ContactStatus.ofCode(rs.getString("status")).orElseThrow(),
                ContactSource.ofCode(rs.getString("source")),
                rs.getInt("engagement_score"),
                lastActivity == null ? null : lastActivity.toInstant(),
                Frequency.ofCode(rs.getString("frequency")).orElseThrow(),
                instantOrNull(rs.getObject("last_campaign_at", OffsetDateTime.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
