package io.reach.podcasts.counting;

import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import io.reach.podcasts.counting.IpNetworks.StoredAddress;
import io.reach.podcasts.counting.ListenerRequest.ListenerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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
    private static final Comparator<ListenerRequest> COUNTING_ORDER = Comparator.comparing(ListenerRequest::episode)
            .thenComparingLong(request -> request.listener().high())
            .thenComparingLong(request -> request.listener().low())
            .thenComparingLong(ListenerRequest::at)
            .thenComparing(ListenerRequest::id);

    private static final HexFormat HEX = HexFormat.of();

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
                    encode(listener_id, 'hex'), %s, encode(household_key, 'hex'), host(ip_prefix), family(ip_prefix),
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
            byte[] chunk;
            StringBuilder pending = new StringBuilder();
            while ((chunk = copy.readFromCopy()) != null) {
                // Each chunk is one row (pgjdbc hands COPY data over a row at a time).
                pending.append(new String(chunk, StandardCharsets.UTF_8));
                int end;
                while ((end = pending.indexOf("\n")) >= 0) {
                    requests.add(rows.request(pending.substring(0, end)));
                    pending.delete(0, end + 1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the requests of " + day + " failed: " + e.getMessage(), e);
        }
        requests.sort(COUNTING_ORDER);
        return requests;
    }

    /** Turns COPY text rows into requests, sharing the values that repeat. */
    private static final class Rows {
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, UUID> uuids = new HashMap<>();
        private final Map<String, long[]> networks = new HashMap<>();
        private final String[] fields = new String[15];

        ListenerRequest request(String line) {
            int from = 0;
            for (int i = 0; i < fields.length; i++) {
                int tab = line.indexOf('\t', from);
                int to = tab < 0 ? line.length() : tab;
                fields[i] = line.substring(from, to);
                from = to + 1;
            }
            HouseholdKey household = fields[6].equals("\\N") ? null : HouseholdKey.of(HEX.parseHex(fields[6]));
            StoredAddress address = null;
            if (!fields[7].equals("\\N")) {
                long[] parsed = networks.computeIfAbsent(fields[7], DayRequests::network);
                address = new StoredAddress(parsed[0] == 1, parsed[1], household);
            }
            ListenerId listener = ListenerId.of(HEX.parseHex(fields[4]));
            return new ListenerRequest(
                    fields[0],
                    Long.parseLong(fields[1]),
                    uuids.computeIfAbsent(fields[2], UUID::fromString),
                    listener,
                    fields[5].equals("\\N") ? listener : ListenerId.of(HEX.parseHex(fields[5])),
                    address,
                    text(fields[9]),
                    shared(fields[3]),
                    shared(fields[10]),
                    Integer.parseInt(fields[11]),
                    text(fields[12]),
                    fields[13].equals("\\N") ? null : Long.parseLong(fields[13]),
                    text(fields[14]));
        }

        private String shared(String text) {
            return texts.computeIfAbsent(text, t -> t);
        }

        /** A nullable text as COPY writes it: {@code \N} for null, backslash escapes for the rest. */
        private @Nullable String text(String value) {
            if (value.equals("\\N")) {
                return null;
            }
            return shared(value.indexOf('\\') < 0 ? value : unescape(value));
        }
    }

    private static String unescape(String value) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                text.append(c);
                continue;
            }
            char next = value.charAt(++i);
            text.append(
                    switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'v' -> '\u000b';
                        default -> next;
                    });
        }
        return text.toString();
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
