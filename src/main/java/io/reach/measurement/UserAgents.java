package io.reach.measurement;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Device type, browser and operating system from a user agent, with robots flagged (Yauaa: the
 * analyzer is built on first use). Answers are kept for the {@value #REMEMBERED} agents seen
 * last (a batch mostly repeats a few agents; asking Yauaa, even its own cache, costs more than
 * the rest of an event's checks). Unknown agents give nulls, not guesses.
 */
@Component
class UserAgents {

    private static final Set<String> ROBOTS = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Spy", "Hacker");

    static final int REMEMBERED = 10_000;

    private final Map<String, Parsed> answers = new ConcurrentHashMap<>();
    private volatile @Nullable UserAgentAnalyzer analyzer;

    record Parsed(@Nullable String deviceType, @Nullable String browserName, @Nullable String operatingSystem,
            boolean bot, @Nullable String deviceBrand, @Nullable String deviceModel) {
    }

    Parsed parse(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Parsed(null, null, null, false, null, null);
        }
        Parsed known = answers.get(userAgent);
        if (known != null) {
            return known;
        }
        if (answers.size() >= REMEMBERED) {
            answers.clear();
        }
        Parsed parsed = analyze(userAgent);
        answers.put(userAgent, parsed);
        return parsed;
    }

    private Parsed analyze(String userAgent) {
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
                    current = UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withoutCache()
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
