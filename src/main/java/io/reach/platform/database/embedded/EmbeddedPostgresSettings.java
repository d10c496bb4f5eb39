package io.reach.platform.database.embedded;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * How the embedded server is laid out, read from {@code reach.embedded-postgres.*}.
 *
 * @param directory where data, log and credentials live (kept across restarts)
 * @param ephemeral a throw-away server in a temporary directory, deleted when it stops (tests)
 * @param port a fixed port, or 0 for any free one
 * @param unprivilegedUser the account PostgreSQL runs as when this JVM is root
 * @param statementStats whether {@code pg_stat_statements} counts statements (by default not on a throw-away
 *     server: the tests run thousands of statements nobody reads the counts of; the benchmarks turn it on)
 */
public record EmbeddedPostgresSettings(
        Path directory, boolean ephemeral, int port, String unprivilegedUser, boolean statementStats) {

    public EmbeddedPostgresSettings(Path directory, boolean ephemeral, int port, String unprivilegedUser) {
        this(directory, ephemeral, port, unprivilegedUser, !ephemeral);
    }

    static final String PREFIX = "reach.embedded-postgres.";

    static EmbeddedPostgresSettings from(Environment env) {
        boolean ephemeral = env.getProperty(PREFIX + "ephemeral", Boolean.class, false);
        return new EmbeddedPostgresSettings(
                Path.of(env.getProperty(PREFIX + "directory", ".reach"))
                        .toAbsolutePath()
                        .normalize(),
                ephemeral,
                env.getProperty(PREFIX + "port", Integer.class, 0),
                env.getProperty(PREFIX + "unprivileged-user", "nobody"),
                env.getProperty(PREFIX + "statement-stats", Boolean.class, !ephemeral));
    }

    static boolean enabled(Environment env) {
        return env.getProperty(PREFIX + "enabled", Boolean.class, true)
                && !env.containsProperty("spring.datasource.url");
    }
}
