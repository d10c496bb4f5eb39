package io.reach.support;

import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A connection as the migration owner, for tests that must do what the application cannot
 * (create a deliberately bad table, age a record). The application itself never uses it.
 */
@TestComponent
public class OwnerDatabase {

    private final Environment environment;

    public OwnerDatabase(Environment environment) {
        this.environment = environment;
    }

    public <T> T with(Function<JdbcTemplate, T> work) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"),
                true);
        try {
            return work.apply(new JdbcTemplate(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    public void run(Consumer<JdbcTemplate> work) {
        with(jdbc -> {
            work.accept(jdbc);
            return null;
        });
    }
}
