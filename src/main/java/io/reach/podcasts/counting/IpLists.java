package io.reach.podcasts.counting;

import static io.reach.platform.time.UtcTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's own IP exclusion lists; every change of a list's entries bumps its version. */
@Repository
public class IpLists {

    private final JdbcClient jdbc;

    IpLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A list, without its entries, and how many it has. */
    public record IpList(
            UUID id,
            String name,
            @Nullable String description,
            int version,
            int entryCount,
            Instant createdAt,
            Instant updatedAt) {}

    /** One network of a list, with the workspace's note on it. */
    public record Entry(String network, @Nullable String note) {}

    List<IpList> all() {
        return jdbc.sql(SELECT + " order by l.name").query(IpLists::list).list();
    }

    Optional<IpList> find(UUID id) {
        return jdbc.sql(SELECT + " where l.id = :id")
                .param("id", id)
                .query(IpLists::list)
                .optional();
    }

    List<Entry> entries(UUID list) {
        return jdbc.sql("select network::text as network, note from podcasts.ip_list_entries where list_id = :list"
                        + " order by network")
                .param("list", list)
                .query((rs, row) -> new Entry(Objects.requireNonNull(rs.getString("network")), rs.getString("note")))
                .list();
    }

    /** Every network of every list of the workspace, and the lists' versions by id. */
    Map<String, Integer> versions() {
        return jdbc
                .sql("select id, version from podcasts.ip_lists")
                .query((rs, row) -> Map.entry(
                        Objects.requireNonNull(rs.getObject("id", UUID.class)).toString(), rs.getInt("version")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<String> allNetworks() {
        return jdbc.sql("select network::text as network from podcasts.ip_list_entries")
                .query((rs, row) -> Objects.requireNonNull(rs.getString("network")))
                .list();
    }

    void create(UUID id, String name, @Nullable String description, List<Entry> entries, Instant now) {
        jdbc.sql("""
                insert into podcasts.ip_lists (tenant_id, id, name, description, version, created_at, updated_at)
                values (platform.current_tenant_id(), :id, :name, :description, 1, :now, :now)""")
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("now", utc(now))
                .update();
        insertEntries(id, entries);
    }

    boolean replace(UUID id, String name, @Nullable String description, List<Entry> entries, Instant now) {
        int changed = jdbc.sql("""
                update podcasts.ip_lists set name = :name, description = :description, version = version + 1,
                    updated_at = :now where id = :id""")
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("now", utc(now))
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("delete from podcasts.ip_list_entries where list_id = :id")
                .param("id", id)
                .update();
        insertEntries(id, entries);
        return true;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from podcasts.ip_lists where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql(
                        "select exists (select 1 from podcasts.ip_lists where name = :name and id is distinct from :except)")
                .param("name", name)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    private void insertEntries(UUID list, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into podcasts.ip_list_entries (tenant_id, list_id, network, note)
                select platform.current_tenant_id(), :list, cast(n as cidr), nullif(t, '')
                from unnest(cast(:networks as text[]), cast(:notes as text[])) as e(n, t)
                on conflict do nothing""")
                .param("list", list)
                .param("networks", entries.stream().map(Entry::network).toArray(String[]::new))
                .param(
                        "notes",
                        entries.stream()
                                .map(e -> e.note() == null ? "" : e.note())
                                .toArray(String[]::new))
                .update();
    }

    private static final String SELECT = """
            select l.id, l.name, l.description, l.version, l.created_at, l.updated_at,
                (select count(*) from podcasts.ip_list_entries e where e.list_id = l.id) as entry_count
            from podcasts.ip_lists l""";

    private static IpList list(ResultSet rs, int row) throws SQLException {
        return new IpList(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Objects.requireNonNull(rs.getString("name")),
                rs.getString("description"),
                rs.getInt("version"),
                rs.getInt("entry_count"),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                Objects.requireNonNull(rs.getObject("updated_at", OffsetDateTime.class))
                        .toInstant());
    }
}
