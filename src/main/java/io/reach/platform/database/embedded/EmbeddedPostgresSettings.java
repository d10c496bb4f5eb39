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
 */
public record EmbeddedPostgresSettings(Path directory, boolean ephemeral, int port, String unprivilegedUser) {

    static final String PREFIX = "reach.embedded-postgres.";

    static EmbeddedPostgresSettings from(Environment env) {
        return new EmbeddedPostgresSettings(
                Path.of(env.getProperty(PREFIX + "directory", ".reach"))
                        .toAbsolutePath()
                        .normalize(),
                env.getProperty(PREFIX + "ephemeral", Boolean.class, false),
                env.getProperty(PREFIX + "port", Integer.class, 0),
                env.getProperty(PREFIX + "unprivileged-user", "nobody"));
    }

    static boolean enabled(Environment env) {
        return env.getProperty(PREFIX + "enabled", Boolean.class, true)
                && !env.containsProperty("spring.datasource.url");
    }
}
