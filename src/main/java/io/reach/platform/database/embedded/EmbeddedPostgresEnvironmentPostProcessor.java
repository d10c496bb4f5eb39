package io.reach.platform.database.embedded;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL before the application context when no external database is
 * configured ({@code spring.datasource.url} unset), and points the data source and Flyway at it.
 * Everything downstream is plain Spring Boot auto-configuration.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "reachEmbeddedPostgres";

    private final DeferredLogFactory logFactory;

    public EmbeddedPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.logFactory = logFactory;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!EmbeddedPostgresSettings.enabled(environment)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServers.obtain(
                EmbeddedPostgresSettings.from(environment), logFactory.getLog(EmbeddedPostgresServer.class));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE, server.connectionProperties()));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }
}
