package io.reach.podcasts.counting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OPAWG user-agents-v2 list (MIT, shipped unchanged under {@code podcasts/opawg/}, see its
 * SOURCE file), read the way it says: bots, then apps, libraries and browsers, in each file's
 * order, the first match wins; a library whose category is {@code bot} is a bot; an entry that is
 * not a bot is also matched against the devices. Apple Watch requests ({@code atc/… watchOS} and
 * {@code (null)/(null) watchOS}) are told apart, as the guidelines require them filtered; an agent
 * the list does not know but that calls itself a bot, crawler or spider is a bot too.
 */
@Component
public class UserAgentList {

    /** The list's upstream commit: the version a counted day records. */
    public static final String VERSION = "opawg-user-agents-v2@8008a31";

    private static final String FOLDER = "podcasts/opawg/";
    private static final Pattern APPLE_WATCH = Pattern.compile("^atc/.*watchOS|\\(null\\)/\\(null\\) watchOS");
    private static final Pattern SELF_DECLARED_BOT = Pattern.compile("(?i)bot\\b|bot/|crawler|spider|\\bcrawl");
    private static final Pattern MALFORMED = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");
    private static final int REMEMBERED = 20_000;

    private final List<Entry> agents;
    private final List<Entry> devices;
    private final Map<String, Agent> answers = new ConcurrentHashMap<>();

    public UserAgentList() {
        JsonMapper json = JsonMapper.builder().build();
        List<Entry> ordered = new ArrayList<>();
        ordered.addAll(entries(json, "bots", Kind.BOT));
        ordered.addAll(entries(json, "apps", Kind.APP));
        ordered.addAll(entries(json, "libraries", Kind.LIBRARY));
        ordered.addAll(entries(json, "browsers", Kind.BROWSER));
        this.agents = List.copyOf(ordered);
        this.devices = entries(json, "devices", Kind.DEVICE);
    }

    /** What an agent is in the list's terms. */
    public enum Kind {
        BOT,
        APP,
        LIBRARY,
        BROWSER,
        DEVICE,
        UNKNOWN
    }

    /**
     * One agent classified: its kind and entry name (an app's name, say), whether it must be filtered
     * as a bot, and its device when it is not a bot.
     */
    public record Agent(
            Kind kind,
            @Nullable String name,
            boolean bot,
            boolean appleWatch,
            boolean malformed,
            @Nullable String device,
            @Nullable String deviceCategory,
            @Nullable String os) {}

    record Entry(
            Kind kind,
            String name,
            Pattern pattern,
            @Nullable String category,
            List<String> examples) {}

    public Agent classify(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Agent(Kind.UNKNOWN, null, false, false, true, null, null, null);
        }
        Agent known = answers.get(userAgent);
        if (known != null) {
            return known;
        }
        Agent agent = analyse(userAgent);
        if (answers.size() >= REMEMBERED) {
            answers.clear();
        }
        answers.put(userAgent, agent);
        return agent;
    }

    private Agent analyse(String userAgent) {
        boolean malformed =
                MALFORMED.matcher(userAgent).find() || userAgent.strip().length() < 2;
        boolean watch = APPLE_WATCH.matcher(userAgent).find();
        for (Entry entry : agents) {
            if (entry.pattern().matcher(userAgent).find()) {
                boolean bot = entry.kind() == Kind.BOT || "bot".equals(entry.category());
                Entry device = bot ? null : device(userAgent);
                return new Agent(
                        entry.kind(),
                        entry.name(),
                        bot,
                        watch,
                        malformed,
                        device == null ? null : device.name(),
                        device == null ? null : device.category(),
                        OperatingSystems.of(userAgent));
            }
        }
        boolean bot = SELF_DECLARED_BOT.matcher(userAgent).find();
        Entry device = bot ? null : device(userAgent);
        return new Agent(
                bot ? Kind.BOT : Kind.UNKNOWN,
                null,
                bot,
                watch,
                malformed,
                device == null ? null : device.name(),
                device == null ? null : device.category(),
                OperatingSystems.of(userAgent));
    }

    private @Nullable Entry device(String userAgent) {
        for (Entry entry : devices) {
            if (entry.pattern().matcher(userAgent).find()) {
                return entry;
            }
        }
        return null;
    }

    /** Every entry in matching order, then the devices (for tests: each example is the list's). */
    List<Entry> entries() {
        List<Entry> all = new ArrayList<>(agents);
        all.addAll(devices);
        return all;
    }

    private static List<Entry> entries(JsonMapper json, String file, Kind kind) {
        String resource = FOLDER + file + ".json";
        try (InputStream in = UserAgentList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The user-agent list " + resource + " is not on the classpath");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode entry : json.readTree(in).path("entries")) {
                String name = entry.path("name").asString();
                String pattern = entry.path("pattern").asString();
                List<String> examples = new ArrayList<>();
                entry.path("examples").forEach(example -> examples.add(example.asString()));
                JsonNode category = entry.get("category");
                try {
                    entries.add(new Entry(
                            kind,
                            name,
                            Pattern.compile(pattern),
                            category == null ? null : category.asString(),
                            List.copyOf(examples)));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(
                            "The user-agent list's pattern for " + name + " does not compile", e);
                }
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
