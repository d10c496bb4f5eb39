package io.reach.measurement;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Device type, browser and operating system from a user agent, with robots flagged (Yauaa: the
 * analyzer is built on first use and caches answers). Unknown agents give nulls, not guesses.
 */
@Component
class UserAgents {

    private static final Set<String> ROBOTS = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Spy", "Hacker");

    private volatile @Nullable UserAgentAnalyzer analyzer;

    record Parsed(@Nullable String deviceType, @Nullable String browserName, @Nullable String operatingSystem,
            boolean bot, @Nullable String deviceBrand, @Nullable String deviceModel) {
    }

    Parsed parse(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Parsed(null, null, null, false, null, null);
        }
        UserAgent agent = analyzer().parse(userAgent);
        String device = agent.getValue(UserAgent.DEVICE_CLASS);
        return new Parsed(known(device), known(agent.getValue(UserAgent.AGENT_NAME)),
                known(agent.getValue(UserAgent.OPERATING_SYSTEM_NAME)), ROBOTS.contains(device),
                known(agent.getValue(UserAgent.DEVICE_BRAND)), known(agent.getValue(UserAgent.DEVICE_NAME)));
    }

    private UserAgentAnalyzer analyzer() {
        UserAgentAnalyzer current = analyzer;
        if (current == null) {
            synchronized (this) {
                current = analyzer;
                if (current == null) {
                    current = UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withCache(10_000)
                            .withField(UserAgent.DEVICE_CLASS).withField(UserAgent.AGENT_NAME)
                            .withField(UserAgent.OPERATING_SYSTEM_NAME).withField(UserAgent.DEVICE_BRAND)
                            .withField(UserAgent.DEVICE_NAME).build();
                    analyzer = current;
                }
            }
        }
        return current;
    }

    private static @Nullable String known(@Nullable String value) {
        if (value == null || value.isBlank() || value.startsWith("Unknown") || value.equals("??")) {
            return null;
        }
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
