package io.reach.podcasts;

import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.counting.CountingLists;
import io.reach.podcasts.counting.UserAgentList;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The lists download counting filters with, for other traffic: whether a user agent is a bot (the
 * OPAWG list, or one that calls itself a bot) and whether an address lies in the bundled
 * data-centre list. Attribution checks conversions with them.
 */
@Component
public class TrafficChecks {

    private final UserAgentList agents;
    private final CountingLists lists;

    TrafficChecks(UserAgentList agents, CountingLists lists) {
        this.agents = agents;
        this.lists = lists;
    }

    public boolean isBot(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        UserAgentList.Agent agent = agents.classify(userAgent);
        return agent.bot() || agent.malformed();
    }

    public boolean inDataCentre(TenantId tenant, InetAddress address) {
        return lists.inDataCentre(tenant, address);
    }
}
