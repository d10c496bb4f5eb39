package io.reach.measurement.ingest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Device type, browser and operating system from a user agent, with robots flagged. Yauaa's
 * analyzer takes seconds to build, so it is built on its own thread as the application starts,
 * never on a request (the first ingest once took 11.6 s); readiness stays down until it is built
 * ({@link UserAgentReadiness}), and a request that still arrives early waits for it. Answers are kept for the {@value #REMEMBERED} agents seen
 * last (a batch mostly repeats a few agents; asking Yauaa, even its own cache, costs more than
 * the rest of an event's checks). Unknown agents give nulls, not guesses.
 */
@Component
public class UserAgents {

    private static final Set<String> ROBOTS = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Spy", "Hacker");

    static final int REMEMBERED = 10_000;

    private final Map<String, Parsed> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<UserAgentAnalyzer> analyzer = new CompletableFuture<>();
    private volatile @Nullable String builtBy;

    UserAgents() {
        Thread.ofPlatform().name("user-agent-parser").daemon().start(this::build);
    }

    record Parsed(
            @Nullable String deviceType,
            @Nullable String browserName,
            @Nullable String operatingSystem,
            boolean bot,
            @Nullable String deviceBrand,
            @Nullable String deviceModel) {}

    /** Whether the agent is a robot (Yauaa's Robot, Spy or Hacker classes); engagements are flagged with it. */
    public boolean robot(@Nullable String userAgent) {
        return parse(userAgent).bot();
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
        return new Parsed(
                known(device),
                known(agent.getValue(UserAgent.AGENT_NAME)),
                known(agent.getValue(UserAgent.OPERATING_SYSTEM_NAME)),
                ROBOTS.contains(device),
                known(agent.getValue(UserAgent.DEVICE_BRAND)),
                known(agent.getValue(UserAgent.DEVICE_NAME)));
    }

    /** Whether the analyzer is built, so that parsing no longer waits. */
    boolean ready() {
        return analyzer.isDone() && !analyzer.isCompletedExceptionally();
    }

    /** The thread that built the analyzer (null until it is built). */
    @Nullable
    String builtBy() {
        return builtBy;
    }

    private void build() {
        try {
            UserAgentAnalyzer built = UserAgentAnalyzer.newBuilder()
                    .hideMatcherLoadStats()
                    .withoutCache()
                    .withField(UserAgent.DEVICE_CLASS)
                    .withField(UserAgent.AGENT_NAME)
                    .withField(UserAgent.OPERATING_SYSTEM_NAME)
                    .withField(UserAgent.DEVICE_BRAND)
                    .withField(UserAgent.DEVICE_NAME)
                    .build();
            builtBy = Thread.currentThread().getName();
            analyzer.complete(built);
        } catch (RuntimeException | Error e) {
            analyzer.completeExceptionally(e);
            throw e;
        }
    }

    private UserAgentAnalyzer analyzer() {
        return analyzer.join();
    }

    private static @Nullable String known(@Nullable String value) {
        if (value == null || value.isBlank() || value.startsWith("Unknown") || value.equals("??")) {
            return null;
        }
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
