package io.reach.podcasts.counting;

import io.reach.podcasts.counting.IpNetworks.HouseholdKey;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The guidelines' filters, applied to one request at a time, in a fixed order so that a request
 * caught by several is always reported under the same reason: method, status (a prefix-measured
 * request was answered by Reach's redirect, so its status is not the host's), the two-byte probe,
 * the user agent (missing or malformed, Apple Watch, bots), then the address (data centres, IP
 * lists, households whose spike was excluded from its first hour on).
 */
record RequestFilters(
        UserAgentList agents, IpNetworks datacenters, IpNetworks ipLists, Map<HouseholdKey, Long> excludedSpikesFrom) {

    /** Why the request cannot count, or null when it passes every filter. */
    @Nullable
    Reason reason(ListenerRequest request, UserAgentList.Agent agent) {
        if (!"GET".equals(request.method())) {
            return Reason.METHOD;
        }
        if (!request.prefixMeasured() && request.status() != 200 && request.status() != 206) {
            return Reason.STATUS;
        }
        if (DeliveredBytes.firstTwoBytes(request.range())) {
            return Reason.RANGE_0_1;
        }
        if (agent.malformed()) {
            return Reason.USER_AGENT;
        }
        if (agent.appleWatch()) {
            return Reason.APPLE_WATCH;
        }
        if (agent.bot()) {
            return Reason.BOT;
        }
        if (datacenters.matches(request.address())) {
            return Reason.DATACENTER;
        }
        if (ipLists.matches(request.address())) {
            return Reason.IP_LIST;
        }
        HouseholdKey household = request.household();
        Long spikeFrom = household == null ? null : excludedSpikesFrom.get(household);
        if (spikeFrom != null && request.at() >= spikeFrom) {
            return Reason.SPIKE;
        }
        return null;
    }
}
