package io.reach.contacts;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.database.AdHocReads;
import io.reach.platform.tenant.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's segments, and the contacts a compiled segment selects. */
@Repository
class Segments {

    private static final String COLUMNS = "id, name, definition::text as definition, created_at, updated_at";
    private static final String ADD = """
            insert into contacts.segments (tenant_id, id, name, definition, created_at, updated_at)
            values (:tenant, :id, :name, cast(:definition as jsonb), :now, :now) on conflict do nothing""";
    private static final String FIND = "select " + COLUMNS + " from contacts.segments where id = :id";
    private static final String PAGE =
            "select " + COLUMNS + " from contacts.segments where id > :after order by id limit :limit";
    private static final String UPDATE = """
            update contacts.segments set name = :name, definition = cast(:definition as jsonb), updated_at = :now
            where id = :id and not exists (select 1 from contacts.segments o where o.name = :name and o.id <> :id)""";
    private static final String DELETE = "delete from contacts.segments where id = :id";

    private static final RowMapper<Segment> ROW = (rs, row) -> new Segment(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            Contacts.JSON.readValue(rs.getString("definition"), SegmentDefinition.class),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    Segments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean add(UUID id, String name, SegmentDefinition definition, Instant now) {
        return jdbc.sql(ADD)
                        .param("tenant", TenantContext.require().value())
                        .param("id", id)
                        .param("name", name)
                        .param("definition", Contacts.JSON.writeValueAsString(definition))
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    Optional<Segment> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(ROW).optional();
    }

    List<Segment> page(UUID after, int limit) {
        return jdbc.sql(PAGE)
                .param("after", after)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    boolean update(UUID id, String name, SegmentDefinition definition, Instant now) {
        return jdbc.sql(UPDATE)
                        .param("id", id)
                        .param("name", name)
                        .param("definition", Contacts.JSON.writeValueAsString(definition))
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    long count(SegmentSql.Compiled segment) {
        AdHocReads.planForTheValues(jdbc);
        return jdbc.sql("select count(*) from contacts.contacts c where " + segment.where())
                .params(segment.params())
                .query(Long.class)
                .single();
    }

    /** The segment's contacts, newest first, below the id {@code before}. */
    List<Contact> contacts(SegmentSql.Compiled segment, UUID before, int limit) {
        AdHocReads.planForTheValues(jdbc);
        return jdbc.sql("select " + Contacts.COLUMNS + " from contacts.contacts c where c.id < :before and "
                        + segment.where() + " order by c.id desc limit :limit")
                .params(segment.params())
                .param("before", before)
                .param("limit", limit)
                .query(Contacts.ROW)
                .list();
    }
}
