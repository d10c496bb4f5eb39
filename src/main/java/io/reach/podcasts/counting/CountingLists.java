package io.reach.podcasts.counting;

import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.listeners.ListenerAddresses;
import io.reach.podcasts.listeners.ListenerKeys;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Everything a workspace's requests are filtered with, and the version of each part, so that every
 * counted day records what it was counted with: the user-agent list, the data-centre list, the
 * installation's files, the workspace's own lists and its excluded spikes. Read in the workspace's
 * transaction.
 */
@Component
public class CountingLists {

    private final UserAgentList agents;
    private final InstallationLists installation;
    private final IpLists lists;
    private final Anomalies anomalies;
    private final ListenerKeys keys;
    private final Map<TenantId, Compiled> datacenters = new ConcurrentHashMap<>();

    CountingLists(
            UserAgentList agents,
            InstallationLists installation,
            IpLists lists,
            Anomalies anomalies,
            ListenerKeys keys) {
        this.agents = agents;
        this.installation = installation;
        this.lists = lists;
        this.anomalies = anomalies;
        this.keys = keys;
    }

    /** The filters and the versions they were made from. */
    record Current(RequestFilters filters, Map<String, Object> versions) {}

    private record Compiled(String version, IpNetworks networks) {}

    /** Whether an address (as sent, before it is keyed) lies in the bundled data-centre list. */
    public boolean inDataCentre(TenantId tenant, InetAddress address) {
        byte[] bytes = address.getAddress();
        IpNetworks.StoredAddress stored = new IpNetworks.StoredAddress(
                bytes.length == 16,
                bytes.length == 4 ? Integer.toUnsignedLong(IpNetworks.ipv4(bytes)) : IpNetworks.high64(bytes),
                household(tenant).apply(ListenerAddresses.identity(address)));
        return datacenters(tenant, installation.datacenters()).networks().matches(stored);
    }

    private Function<byte[], IpNetworks.HouseholdKey> household(TenantId tenant) {
        return identity ->
                java.util.Objects.requireNonNull(IpNetworks.HouseholdKey.of(keys.household(tenant, identity)));
    }

    private Compiled datacenters(TenantId tenant, InstallationLists.Parsed bundled) {
        return datacenters.compute(
                tenant,
                (t, known) -> known != null && known.version().equals(bundled.version())
                        ? known
                        : new Compiled(bundled.version(), IpNetworks.of(bundled.networks(), household(t))));
    }

    Current current(TenantId tenant) {
        Function<byte[], IpNetworks.HouseholdKey> household = household(tenant);
        InstallationLists.Parsed bundled = installation.datacenters();
        Compiled compiled = datacenters(tenant, bundled);
        InstallationLists.Parsed files = installation.files();
        List<IpNetworks.Network> listed = new ArrayList<>(files.networks());
        for (String network : lists.allNetworks()) {
            IpNetworks.Network parsed = IpNetworks.parse(network);
            if (parsed != null) {
                listed.add(parsed);
            }
        }
        Map<IpNetworks.HouseholdKey, Long> excluded = anomalies.excluded();
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("user_agents", UserAgentList.VERSION);
        versions.put("datacenters", "x4bnet-lists-vpn@" + bundled.version());
        versions.put("installation_lists", files.version());
        versions.put("workspace_lists", lists.versions());
        versions.put("excluded_spikes", excluded.size());
        return new Current(
                new RequestFilters(agents, compiled.networks(), IpNetworks.of(listed, household), excluded), versions);
    }
}
