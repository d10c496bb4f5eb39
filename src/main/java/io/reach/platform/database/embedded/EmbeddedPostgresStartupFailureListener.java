package io.reach.platform.database.embedded;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/** When the application fails to start, its embedded database goes with it instead of lingering. */
public class EmbeddedPostgresStartupFailureListener implements ApplicationListener<ApplicationFailedEvent> {

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        if (event.getApplicationContext() == null
                || !event.getApplicationContext()
                        .getEnvironment()
                        .getPropertySources()
                        .contains(EmbeddedPostgresEnvironmentPostProcessor.PROPERTY_SOURCE)) {
            return;
        }
        if (!event.getApplicationContext()
                .getEnvironment()
                .getProperty("reach.embedded-postgres.ephemeral", Boolean.class, false)) {
            EmbeddedPostgresServers.stopAll();
        }
    }
}
