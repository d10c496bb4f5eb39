package io.reach.podcasts.listeners;

import io.reach.platform.crypto.SecretBox;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's keys for listeners and households. Each workspace has one random secret, stored
 * sealed with the installation key (so the database alone cannot turn a key back into an address);
 * the key of a day is derived from it, so every request of one UTC day — sent live or imported from
 * a log months later — gets the same listener key, and keys of different days cannot be linked
 * (but for the one-day link {@code listener_prev} gives rolling windows).
 */
@Component
public class ListenerKeys {

    private static final String PURPOSE = "podcasts.listener-secret";
    /** Per thread, a MAC ready for each key in use (a day's key is one array, kept by {@code dayKeys}). */
    private static final ThreadLocal<Map<byte[], Mac>> MACS = ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final SecretBox box;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<TenantId, byte[]> secrets = new ConcurrentHashMap<>();
    private final Map<DayOf, byte[]> dayKeys = new ConcurrentHashMap<>();

    ListenerKeys(JdbcClient jdbc, TenantTransactions transactions, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.box = box;
        this.clock = clock;
    }

    private record DayOf(TenantId tenant, LocalDate day) {}

    /** The keys of one request: this day's and the previous day's listener key, and the household key. */
    public record Keys(byte[] listener, byte[] previous, byte[] household, String network) {}

    /** The keys of a request from this address (already parsed, never a host name) and agent on this day. */
    public Keys of(TenantId tenant, InetAddress address, String userAgent, LocalDate day) {
        byte[] identity = ListenerAddresses.identity(address);
        byte[] agent = userAgent.getBytes(StandardCharsets.UTF_8);
        return new Keys(
                listener(dayKey(tenant, day), identity, agent),
                listener(dayKey(tenant, day.minusDays(1)), identity, agent),
                household(tenant, identity),
                ListenerAddresses.network(address));
    }

    /** The household key of an IPv4 address (4 bytes) or an IPv6 /64 (its 8 bytes). */
    public byte[] household(TenantId tenant, byte[] identity) {
        return mac(dayKey(tenant, LocalDate.MIN), identity, new byte[0]);
    }

    private static byte[] listener(byte[] key, byte[] identity, byte[] agent) {
        return mac(key, identity, agent);
    }

    private static byte[] mac(byte[] key, byte[] identity, byte[] agent) {
        Map<byte[], Mac> ready = MACS.get();
        Mac mac = ready.get(key);
        if (mac == null) {
            if (ready.size() > 64) {
                ready.clear();
            }
            mac = newMac();
            try {
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            ready.put(key, mac);
        }
        mac.update(identity);
        mac.update((byte) 0);
        mac.update(agent);
        return Arrays.copyOf(mac.doFinal(), 16);
    }

    /** The day's key; {@link LocalDate#MIN} stands for the household key, which does not rotate. */
    private byte[] dayKey(TenantId tenant, LocalDate day) {
        DayOf of = new DayOf(tenant, day);
        byte[] known = dayKeys.get(of);
        if (known != null) {
            return known;
        }
        if (dayKeys.size() > 10_000) {
            dayKeys.clear();
        }
        String label = day.equals(LocalDate.MIN) ? "household" : "listener|" + day;
        byte[] key = mac(secret(tenant), label.getBytes(StandardCharsets.UTF_8), new byte[0]);
        dayKeys.put(of, key);
        return key;
    }

    private byte[] secret(TenantId tenant) {
        return secrets.computeIfAbsent(tenant, this::loadOrCreate);
    }

    private byte[] loadOrCreate(TenantId tenant) {
        return transactions.inTransactionAs(tenant, () -> {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            jdbc.sql("""
                    insert into podcasts.listener_secrets (tenant_id, sealed, created_at)
                    values (:tenant, :sealed, :now) on conflict (tenant_id) do nothing""")
                    .param("tenant", tenant.value())
                    .param("sealed", box.encrypt(fresh, PURPOSE + tenant.value()))
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
            byte[] sealed = jdbc.sql("select sealed from podcasts.listener_secrets where tenant_id = :tenant")
                    .param("tenant", tenant.value())
                    .query(byte[].class)
                    .single();
            return box.decrypt(sealed, PURPOSE + tenant.value());
        });
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
