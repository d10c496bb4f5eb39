package io.reach.contacts.imports;

import static io.reach.platform.time.UtcTimes.instantOrNull;
import static io.reach.platform.time.UtcTimes.utc;

import io.reach.contacts.ContactDetails;
import io.reach.platform.tenant.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's imports: the import, its staged rows and refused rows, and its progress. */
@Repository
class Imports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COLUMNS = """
            id, format, status, dry_run, list_id, rows_total, rows_done, created_count, updated_count, error_count,
            failure, created_at, started_at, finished_at""";
    private static final String ADD = """
            insert into contacts.imports (tenant_id, id, format, status, dry_run, list_id, created_by, created_at)
            values (:tenant, :id, :format, 'queued', :dry_run, :list, :by, :now)""";
    private static final String FIND = "select " + COLUMNS + " from contacts.imports where id = :id";
    private static final String PAGE =
            "select " + COLUMNS + " from contacts.imports where id < :before order by id desc limit :limit";
    private static final String STAGE = """
            insert into contacts.import_rows (tenant_id, import_id, line, fields)
            select :tenant, :import, line, fields
            from unnest(cast(:lines as bigint[]), cast(:fields as jsonb[])) as r(line, fields)""";
    private static final String REFUSE = """
            insert into contacts.import_errors (tenant_id, import_id, line, field, message)
            select :tenant, :import, line, left(field, 100), left(message, 500)
            from unnest(cast(:lines as bigint[]), cast(:fields as text[]), cast(:messages as text[])) as e(line, field, message)
            on conflict do nothing""";
    private static final String STAGED = """
            update contacts.imports set rows_total = :total, error_count = :errors, rows_done = :errors where id = :id""";
    private static final String START = """
            update contacts.imports set status = 'running', started_at = coalesce(started_at, :now)
            where id = :id and status in ('queued', 'running')""";
    private static final String PROGRESS = """
            update contacts.imports set rows_done = rows_done + :done, created_count = created_count + :created,
                updated_count = updated_count + :updated, error_count = error_count + :errors
            where id = :id""";
    private static final String FINISH = """
            update contacts.imports set status = :status, failure = :failure, finished_at = :now,
                rows_done = case when :status = 'done' then rows_total else rows_done end
            where id = :id""";
    private static final String CLEAR = "delete from contacts.import_rows where import_id = :id";
    private static final String CLEAR_UP_TO =
            "delete from contacts.import_rows where import_id = :id and line <= :upto";
    private static final String NEXT_LINES = """
            select line from contacts.import_rows where import_id = :id and line > :after order by line
            offset :chunk - 1 limit 1""";
    private static final String ERRORS = """
            select line, field, message from contacts.import_errors where import_id = :id and (line, field) > (:line, :field)
            order by line, field limit :limit""";

    private static final RowMapper<ContactImport> ROW = (rs, row) -> new ContactImport(
            rs.getObject("id", UUID.class),
            ImportFormat.ofCode(rs.getString("format")).orElseThrow(),
            ImportStatus.ofCode(rs.getString("status")).orElseThrow(),
            rs.getBoolean("dry_run"),
            rs.getObject("list_id", UUID.class),
            rs.getLong("rows_total"),
            rs.getLong("rows_done"),
            rs.getLong("created_count"),
            rs.getLong("updated_count"),
            rs.getLong("error_count"),
            rs.getString("failure"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            instantOrNull(rs.getObject("started_at", OffsetDateTime.class)),
            instantOrNull(rs.getObject("finished_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    Imports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID id, ImportFormat format, boolean dryRun, @Nullable UUID list, @Nullable UUID by, Instant now) {
        jdbc.sql(ADD)
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .param("format", format.code())
                .param("dry_run", dryRun)
                .param("list", list)
                .param("by", by)
                .param("now", utc(now))
                .update();
    }

    Optional<ContactImport> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(ROW).optional();
    }

    List<ContactImport> page(UUID before, int limit) {
        return jdbc.sql(PAGE)
                .param("before", before)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** Stages checked rows: their lines and their details as JSON (see {@link ImportUpserts}). */
    void stage(UUID id, List<ImportRow> rows) {
        jdbc.sql(STAGE)
                .param("tenant", TenantContext.require().value())
                .param("import", id)
                .param("lines", rows.stream().map(ImportRow::line).toArray(Long[]::new))
                .param("fields", rows.stream().map(row -> json(row.details())).toArray(String[]::new))
                .update();
    }

    /** Records refused rows (at most one error per line and field). */
    void refuse(UUID id, List<ImportError> errors) {
        jdbc.sql(REFUSE)
                .param("tenant", TenantContext.require().value())
                .param("import", id)
                .param("lines", errors.stream().map(ImportError::line).toArray(Long[]::new))
                .param("fields", errors.stream().map(ImportError::field).toArray(String[]::new))
                .param("messages", errors.stream().map(ImportError::message).toArray(String[]::new))
                .update();
    }

    void staged(UUID id, long total, long refusedRows) {
        jdbc.sql(STAGED)
                .param("id", id)
                .param("total", total)
                .param("errors", refusedRows)
                .update();
    }

    boolean start(UUID id, Instant now) {
        return jdbc.sql(START).param("id", id).param("now", utc(now)).update() == 1;
    }

    void progress(UUID id, long done, long created, long updated, long errors) {
        jdbc.sql(PROGRESS)
                .param("id", id)
                .param("done", done)
                .param("created", created)
                .param("updated", updated)
                .param("errors", errors)
                .update();
    }

    void finish(UUID id, ImportStatus status, @Nullable String failure, Instant now) {
        jdbc.sql(FINISH)
                .param("id", id)
                .param("status", status.code())
                .param("failure", failure == null ? null : failure.substring(0, Math.min(failure.length(), 2000)))
                .param("now", utc(now))
                .update();
    }

    void clear(UUID id) {
        jdbc.sql(CLEAR).param("id", id).update();
    }

    void clearUpTo(UUID id, long upto) {
        jdbc.sql(CLEAR_UP_TO).param("id", id).param("upto", upto).update();
    }

    /** The last line of the next chunk of staged rows after {@code after}; empty when fewer remain (take them all). */
    Optional<Long> chunkEnd(UUID id, long after, int chunk) {
        return jdbc.sql(NEXT_LINES)
                .param("id", id)
                .param("after", after)
                .param("chunk", chunk)
                .query(Long.class)
                .optional();
    }

    /** Refused rows in line order, after the line and field given. */
    List<ImportError> errors(UUID id, long afterLine, String afterField, int limit) {
        return jdbc.sql(ERRORS)
                .param("id", id)
                .param("line", afterLine)
                .param("field", afterField)
                .param("limit", limit)
                .query((rs, row) -> new ImportError(rs.getLong("line"), rs.getString("field"), rs.getString("message")))
                .list();
    }

    /** A staged row's details as the upsert reads them. */
    static String json(ContactDetails details) {
        Map<String, @Nullable Object> fields = new java.util.LinkedHashMap<>();
        fields.put("email", details.email());
        fields.put("phone", details.phone());
        fields.put("first_name", details.firstName());
        fields.put("last_name", details.lastName());
        fields.put("locale", details.locale());
        fields.put("time_zone", details.timeZone());
        fields.put("attributes", details.attributes());
        fields.put("tags", details.tags());
        return JSON.writeValueAsString(fields);
    }
}
