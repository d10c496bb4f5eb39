package io.reach.podcasts.counting;

import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import io.reach.podcasts.counting.IpNetworks.StoredAddress;
import io.reach.podcasts.counting.ListenerRequest.ListenerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Reads one UTC day of a workspace's requests in counting order (episode, listener, time), in the
 * workspace's transaction: by {@code COPY … TO STDOUT} (millions of rows a minute, where row-by-row
 * results would take several times as long), sorted here (PostgreSQL only scans the day's
 * partition). Repeated values (episodes, user agents, networks) are shared, not copied per row.
 */
@Repository
class DayRequests {

    /** Counting order: episode, listener, time (then id, so equal times always come in one order). */
    private static final Comparator<ListenerRequest> COUNTING_ORDER = DayRequests::compare;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DayRequests(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The day's requests in counting order; the previous-day keys only when {@code withPrevious} (rolling windows). */
    List<ListenerRequest> read(LocalDate day, boolean withPrevious) {
        jdbc.sql("select set_config('jit', 'off', true)").query().listOfRows();
        String sql = """
                copy (select id, (extract(epoch from occurred_at) * 1000)::bigint, episode_id, event_type,
                    encode(listener_id, 'hex'), %s, encode(household_key, 'hex'), host(ip_prefix),
                    country, method, status, range_header, bytes_served, user_agent
                from podcasts.listener_events where occurred_at >= '%s' and occurred_at < '%s') to stdout""".formatted(
                        withPrevious ? "encode(listener_prev, 'hex')" : "null",
                        day.atStartOfDay().toInstant(ZoneOffset.UTC),
                        day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Connection connection = DataSourceUtils.getConnection(dataSource);
        List<ListenerRequest> requests = new ArrayList<>();
        Rows rows = new Rows();
        try {
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
            byte[] row;
            // PostgreSQL sends a copy out one row per message.
            while ((row = copy.readFromCopy()) != null) {
                requests.add(rows.request(row));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the requests of " + day + " failed: " + e.getMessage(), e);
        }
        requests.sort(COUNTING_ORDER);
        return requests;
    }

    private static int compare(ListenerRequest a, ListenerRequest b) {
        int order = a.episode().compareTo(b.episode());
        if (order == 0) {
            order = Long.compare(a.listener().high(), b.listener().high());
        }
        if (order == 0) {
            order = Long.compare(a.listener().low(), b.listener().low());
        }
        if (order == 0) {
            order = Long.compare(a.at(), b.at());
        }
        return order != 0 ? order : a.id().compareTo(b.id());
    }

    /** Turns COPY text rows into requests, sharing the values that repeat. */
    private static final class Rows {
        private final CopyTextRow row = new CopyTextRow(14);
        private final CopyTextRow.ByBytes<long[]> networks = new CopyTextRow.ByBytes<>(DayRequests::network);
        private final CopyTextRow.ByBytes<UUID> episodes = new CopyTextRow.ByBytes<>(UUID::fromString);

        ListenerRequest request(byte[] bytes) {
            CopyTextRow fields = row.of(bytes);
            HouseholdKey household =
                    fields.isNull(6) ? null : new HouseholdKey(fields.hexLong(6, 0), fields.hexLong(6, 1));
            StoredAddress address = null;
            if (!fields.isNull(7)) {
                long[] network = fields.value(7, networks);
                address = new StoredAddress(network[0] == 1, network[1], household);
            }
            ListenerId listener = new ListenerId(fields.hexLong(4, 0), fields.hexLong(4, 1));
            return new ListenerRequest(
                    fields.ascii(0),
                    fields.longValue(1),
                    fields.value(2, episodes),
                    listener,
                    fields.isNull(5) ? listener : new ListenerId(fields.hexLong(5, 0), fields.hexLong(5, 1)),
                    address,
                    fields.text(8),
                    requireText(fields, 3),
                    requireText(fields, 9),
                    (int) fields.longValue(10),
                    fields.text(11),
                    fields.isNull(12) ? null : fields.longValue(12),
                    fields.text(13));
        }

        private static String requireText(CopyTextRow fields, int field) {
            String text = fields.text(field);
            if (text == null) {
                throw new IllegalStateException("A request's required field " + field + " is null");
            }
            return text;
        }
    }

    /** {family (1 for IPv6), leading bits} of a network's address. */
    private static long[] network(String host) {
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            return bytes.length == 4
                    ? new long[] {0, Integer.toUnsignedLong(IpNetworks.ipv4(bytes))}
                    : new long[] {1, IpNetworks.high64(bytes)};
        } catch (UnknownHostException e) {
            throw new IllegalStateException("A stored network is not an address: " + host, e);
        }
    }
}
