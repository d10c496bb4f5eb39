package io.reach.podcasts.counting;

import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import io.reach.podcasts.counting.IpNetworks.StoredAddress;
import io.reach.podcasts.counting.ListenerRequest.ListenerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads one UTC day of a workspace's requests in counting order (episode, listener, time), in the
 * workspace's transaction. Repeated texts (user agents, networks) are shared, not copied per row.
 */
@Repository
class DayRequests {

    private static final String SELECT = """
            select id, occurred_at, episode_id, event_type, listener_id, listener_prev, household_key,
                host(ip_prefix) as network, family(ip_prefix) as family, country, method, status, range_header,
                bytes_served, user_agent
            from podcasts.listener_events
            where occurred_at >= :from and occurred_at < :to""";
    /** Counting order: episode, listener, time (then id, so equal times always come in one order). */
    private static final java.util.Comparator<ListenerRequest> COUNTING_ORDER = java.util.Comparator.comparing(
                    ListenerRequest::episode)
            .thenComparingLong(request -> request.listener().high())
            .thenComparingLong(request -> request.listener().low())
            .thenComparingLong(ListenerRequest::at)
            .thenComparing(ListenerRequest::id);

    private final JdbcClient jdbc;

    DayRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The day's requests in counting order (sorted here: PostgreSQL only scans the day's partition). */
    List<ListenerRequest> read(LocalDate day) {
        jdbc.sql("select set_config('jit', 'off', true)").query().listOfRows();
        Map<String, String> texts = new HashMap<>();
        Map<String, long[]> networks = new HashMap<>();
        List<ListenerRequest> requests = new ArrayList<>();
        jdbc.sql(SELECT)
                .param("from", day.atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("to", day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .withFetchSize(10_000)
                .query(rs -> {
                    requests.add(request(rs, texts, networks));
                });
        requests.sort(COUNTING_ORDER);
        return requests;
    }

    private static ListenerRequest request(ResultSet rs, Map<String, String> texts, Map<String, long[]> networks)
            throws SQLException {
        Timestamp at = Objects.requireNonNull(rs.getTimestamp("occurred_at"));
        String network = rs.getString("network");
        HouseholdKey household = HouseholdKey.of(rs.getBytes("household_key"));
        StoredAddress address = null;
        if (network != null) {
            long[] parsed = networks.computeIfAbsent(network, DayRequests::network);
            address = new StoredAddress(parsed[0] == 1, parsed[1], household);
        }
        long served = rs.getLong("bytes_served");
        Long bytes = rs.wasNull() ? null : served;
        return new ListenerRequest(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                at.getTime(),
                Objects.requireNonNull(rs.getObject("episode_id", UUID.class)),
                ListenerId.of(Objects.requireNonNull(rs.getBytes("listener_id"))),
                ListenerId.of(Objects.requireNonNull(rs.getBytes("listener_prev"))),
                address,
                shared(texts, rs.getString("country")),
                Objects.requireNonNull(shared(texts, rs.getString("event_type"))),
                Objects.requireNonNull(shared(texts, rs.getString("method"))),
                rs.getInt("status"),
                shared(texts, rs.getString("range_header")),
                bytes,
                shared(texts, rs.getString("user_agent")));
    }

    private static @Nullable String shared(Map<String, String> texts, @Nullable String text) {
        return text == null ? null : texts.computeIfAbsent(text, t -> t);
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
