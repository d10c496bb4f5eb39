package io.reach.contacts;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.Codes;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's lists. */
@Repository
class Lists {

    private static final String COLUMNS = "id, name, description, opt_in, visibility, created_at, updated_at";
    private static final String ADD = """
            insert into contacts.lists (tenant_id, id, name, description, opt_in, visibility, created_at, updated_at)
            values (:tenant, :id, :name, :description, :opt_in, :visibility, :now, :now) on conflict do nothing""";
    private static final String FIND = "select " + COLUMNS + " from contacts.lists where id = :id";
    private static final String PAGE =
            "select " + COLUMNS + " from contacts.lists where id > :after order by id limit :limit";
    private static final String UPDATE = """
            update contacts.lists set name = :name, description = :description, opt_in = :opt_in,
                visibility = :visibility, updated_at = :now
            where id = :id and not exists (select 1 from contacts.lists o where o.name = :name and o.id <> :id)""";
    private static final String DELETE = "delete from contacts.lists where id = :id";
    private static final String COUNTS = """
            select status, count(*) from contacts.list_members where list_id = :id group by status""";

    private static final RowMapper<ContactList> ROW = (rs, row) -> new ContactList(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getString("description"),
            OptIn.ofCode(rs.getString("opt_in")).orElseThrow(),
            ListVisibility.ofCode(rs.getString("visibility")).orElseThrow(),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    Lists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a list is called and how it takes members. */
    record Shape(String name, @Nullable String description, OptIn optIn, ListVisibility visibility) {

        /** A shape as a request gives it: codes checked (a field error names a wrong one), texts trimmed. */
        static Shape of(String name, @Nullable String description, String optIn, @Nullable String visibility) {
            String text = description == null || description.isBlank() ? null : description.strip();
            if (name.isBlank() || name.strip().length() > 200) {
                throw new InvalidRequestException(new FieldError("name", "must be 1 to 200 characters"));
            }
            if (text != null && text.length() > 2000) {
                throw new InvalidRequestException(new FieldError("description", "must be at most 2000 characters"));
            }
            return new Shape(
                    name.strip(),
                    text,
                    Codes.of(OptIn.class, optIn, "opt_in"),
                    visibility == null || visibility.isBlank()
                            ? ListVisibility.PRIVATE
                            : Codes.of(ListVisibility.class, visibility, "visibility"));
        }
    }

    /** Adds a list; false when one of that name exists. */
    boolean add(UUID id, Shape shape, Instant now) {
        return bind(jdbc.sql(ADD), shape)
                        .param("tenant", TenantContext.require().value())
                        .param("id", id)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    Optional<ContactList> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(ROW).optional();
    }

    List<ContactList> page(UUID after, int limit) {
        return jdbc.sql(PAGE)
                .param("after", after)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** Changes a list; false when another list has the name. */
    boolean update(UUID id, Shape shape, Instant now) {
        return bind(jdbc.sql(UPDATE), shape)
                        .param("id", id)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    /** How many members the list has in each status (statuses without members left out). */
    java.util.Map<MemberStatus, Long> counts(UUID id) {
        java.util.Map<MemberStatus, Long> counts = new java.util.EnumMap<>(MemberStatus.class);
        jdbc.sql(COUNTS)
                .param("id", id)
                .query((rs, row) ->
                        counts.put(MemberStatus.ofCode(rs.getString(1)).orElseThrow(), rs.getLong(2)))
                .list();
        return counts;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Shape shape) {
        return spec.param("name", shape.name())
                .param("description", shape.description())
                .param("opt_in", shape.optIn().code())
                .param("visibility", shape.visibility().code());
    }
}
