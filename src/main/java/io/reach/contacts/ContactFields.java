package io.reach.contacts;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's declared contact fields. */
@Repository
class ContactFields {

    private static final String ALL = """
            select name, label, field_type, created_at from contacts.contact_fields order by name""";
    private static final String ADD = """
            insert into contacts.contact_fields (tenant_id, name, label, field_type, created_at)
            values (:tenant, :name, :label, :type, :now) on conflict do nothing""";
    private static final String REMOVE = "delete from contacts.contact_fields where name = :name";

    private static final RowMapper<ContactField> ROW = (rs, row) -> new ContactField(
            rs.getString("name"),
            rs.getString("label"),
            FieldType.ofCode(rs.getString("field_type")).orElseThrow(),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    ContactFields(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ContactField> all() {
        return jdbc.sql(ALL).query(ROW).list();
    }

    /** Declares a field; false when one of that name exists. */
    boolean add(String name, String label, FieldType type, Instant now) {
        return jdbc.sql(ADD)
                        .param("tenant", TenantContext.require().value())
                        .param("name", name)
                        .param("label", label)
                        .param("type", type.code())
                        .param("now", UtcTimes.utc(now))
                        .update()
                == 1;
    }

    boolean remove(String name) {
        return jdbc.sql(REMOVE).param("name", name).update() == 1;
    }
}
