package io.reach.measurement.ingest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness group: the instance takes no traffic until the user-agent parser it
 * builds at start-up is ready, so no visitor's request pays for building it.
 */
@Component
class UserAgentReadiness implements HealthIndicator {

    private final UserAgents userAgents;

    UserAgentReadiness(UserAgents userAgents) {
        this.userAgents = userAgents;
    }

    @Override
    public Health health() {
        return userAgents.ready() ? Health.up().build() : Health.outOfService().build();
    }
}
