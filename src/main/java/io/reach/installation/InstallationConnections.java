package io.reach.installation;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.EffectiveConnection;
import io.reach.platform.connections.InstallationSettings;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The installation module's API: the connections platform admins see, set and clear. A change is
 * validated per kind, stored with its secrets sealed, audited in the platform's own trail (secrets
 * only as "set") and used from the next send or sign-in on, without a restart.
 */
@Service
public class InstallationConnections {

    private static final String SET = "set";

    private final StoredConnections stored;
    private final InstallationSettings settings;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    InstallationConnections(
            StoredConnections stored,
            InstallationSettings settings,
            TenantTransactions transactions,
            AuditTrail audit,
            Clock clock) {
        this.stored = stored;
        this.settings = settings;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every connection kind, as it applies now. */
    public List<ConnectionView> list() {
        return Arrays.stream(ConnectionKind.values()).map(this::view).toList();
    }

    /** One connection kind by its code, e.g. {@code social:linkedin}. */
    public ConnectionView get(String kind) {
        return view(kindOf(kind));
    }

    /**
     * Stores the connection's settings in place of the stored ones; a secret left out or blank keeps
     * its stored value. The environment, when it configures the connection, still wins.
     */
    public ConnectionView set(
            String code, Map<String, @Nullable String> values, @Nullable UUID by, RequestOrigin origin) {
        ConnectionKind kind = kindOf(code);
        transactions.inTransactionAs(TenantId.PLATFORM, () -> {
            var before = stored.find(kind);
            Map<String, String> next = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    next.put(name, value.strip());
                }
            });
            before.ifPresent(previous -> kind.fields().stream()
                    .filter(ConnectionKind.Field::secret)
                    .forEach(field -> {
                        String kept = previous.values().get(field.name());
                        if (kept != null) {
                            next.putIfAbsent(field.name(), kept);
                        }
                    }));
            ConnectionRules.check(kind, next);
            stored.save(kind, next, clock.instant(), by);
            audit.record(
                    TenantId.PLATFORM,
                    AuditEntry.by(by, AuditEntry.ActorType.PLATFORM_ADMIN, "installation.connection_set")
                            .on("connection", kind.code(), "installation.connections")
                            .changed(
                                    before.map(old -> masked(kind, old.values()))
                                            .orElse(null),
                                    masked(kind, next))
                            .from(origin));
        });
        // after the commit: a read now sees the new settings
        settings.forget(kind);
        return view(kind);
    }

    /** Forgets the stored settings of the connection (nothing happens when none are stored). */
    public ConnectionView clear(String code, @Nullable UUID by, RequestOrigin origin) {
        ConnectionKind kind = kindOf(code);
        transactions.inTransactionAs(TenantId.PLATFORM, () -> {
            var before = stored.find(kind);
            if (before.isPresent() && stored.delete(kind)) {
                audit.record(
                        TenantId.PLATFORM,
                        AuditEntry.by(by, AuditEntry.ActorType.PLATFORM_ADMIN, "installation.connection_cleared")
                                .on("connection", kind.code(), "installation.connections")
                                .removed(masked(kind, before.get().values()))
                                .from(origin));
            }
        });
        settings.forget(kind);
        return view(kind);
    }

    private static ConnectionKind kindOf(String code) {
        return ConnectionKind.ofCode(code).orElseThrow(() -> ConnectionNotFound.forKind(code));
    }

    /** The values with each secret replaced by "set": what audit records and answers may hold. */
    private static Map<String, String> masked(ConnectionKind kind, Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        kind.fields().forEach(field -> {
            String value = values.get(field.name());
            if (value != null) {
                masked.put(field.name(), field.secret() ? SET : value);
            }
        });
        return masked;
    }

    private ConnectionView view(ConnectionKind kind) {
        EffectiveConnection effective = settings.effective(kind);
        var saved = stored.find(kind);
        Map<String, String> shown = effective.configured()
                ? effective.values()
                : saved.map(StoredConnections.Stored::values).orElse(Map.of());
        List<ConnectionView.Setting> fields = kind.fields().stream()
                .map(field -> {
                    String value = shown.get(field.name());
                    boolean set = value != null && !value.isBlank();
                    return new ConnectionView.Setting(
                            field.name(), field.secret(), field.required(), field.secret() || !set ? null : value, set);
                })
                .toList();
        return new ConnectionView(
                kind.code(),
                kind.label(),
                effective.source().code(),
                fields,
                saved.isPresent(),
                saved.map(StoredConnections.Stored::updatedAt).orElse(null),
                saved.map(StoredConnections.Stored::updatedBy).orElse(null));
    }
}
