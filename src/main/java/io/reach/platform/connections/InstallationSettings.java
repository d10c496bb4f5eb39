package io.reach.platform.connections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one place that says how a connection is configured, asked at each use: the environment's
 * settings when its first field is set there (they win), else what a platform admin stored, else
 * none. Stored settings are cached and forgotten when written here, so a change applies on this
 * node's next use; other nodes read it again within {@link #STORED_FOR}.
 */
@Component
public class InstallationSettings {

    /** How long another node may use stored settings it read before they were changed. */
    static final Duration STORED_FOR = Duration.ofSeconds(30);

    private record Read(Map<String, String> values, Instant at) {}

    private final Environment environment;
    private final ObjectProvider<ConnectionStore> store;
    private final Clock clock;
    private final Map<ConnectionKind, Read> cache = new ConcurrentHashMap<>();

    public InstallationSettings(Environment environment, ObjectProvider<ConnectionStore> store, Clock clock) {
        this.environment = environment;
        this.store = store;
        this.clock = clock;
    }

    /** The connection's settings as they apply now. */
    public EffectiveConnection effective(ConnectionKind kind) {
        if (fromEnvironment(kind)) {
            Map<String, String> values = new LinkedHashMap<>();
            kind.fields().forEach(field -> {
                String value = environment.getProperty(field.property());
                if (value != null && !value.isBlank()) {
                    values.put(field.name(), value.strip());
                }
            });
            return new EffectiveConnection(kind, ConnectionSource.ENVIRONMENT, values);
        }
        Map<String, String> stored = stored(kind);
        return new EffectiveConnection(
                kind, stored.isEmpty() ? ConnectionSource.NONE : ConnectionSource.DATABASE, stored);
    }

    /** Whether the environment configures the connection (its first field is set there). */
    public boolean fromEnvironment(ConnectionKind kind) {
        String key = environment.getProperty(kind.fields().getFirst().property());
        return key != null && !key.isBlank();
    }

    /** What a platform admin stored for the connection (empty when nothing), whatever the environment says. */
    public Map<String, String> stored(ConnectionKind kind) {
        Instant now = clock.instant();
        Read read = cache.get(kind);
        if (read == null || read.at().plus(STORED_FOR).isBefore(now)) {
            ConnectionStore connections = store.getIfAvailable();
            read = new Read(connections == null ? Map.of() : Map.copyOf(connections.load(kind)), now);
            cache.put(kind, read);
        }
        return read.values();
    }

    /** Drops what this node read of the connection; the store calls it when the connection is written. */
    public void forget(ConnectionKind kind) {
        cache.remove(kind);
    }
}
