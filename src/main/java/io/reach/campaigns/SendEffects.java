package io.reach.campaigns;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What follows from messages going out: the template's reach and the sending retailer's count. */
@Component
class SendEffects {

    private static final String SOURCE = """
            select t.lineage_id, c.retailer_id from %s c
            left join campaigns.templates t on t.tenant_id = c.tenant_id and t.id = c.template_id
            where c.tenant_id = :tenant and c.id = :id""";

    private final JdbcClient jdbc;
    private final TemplateUsage usage;
    private final Clock clock;

    SendEffects(JdbcClient jdbc, TemplateUsage usage, Clock clock) {
        this.jdbc = jdbc;
        this.usage = usage;
        this.clock = clock;
    }

    record Source(@org.jspecify.annotations.Nullable UUID template, @org.jspecify.annotations.Nullable UUID retailer) {
    }

    void delivered(Channel channel, UUID campaign, List<SendQueue.Outcome> outcomes) {
        List<String> reached = outcomes.stream().filter(o -> !o.failed()).map(SendQueue.Outcome::address).toList();
        if (reached.isEmpty()) {
            return;
        }
        jdbc.sql(SOURCE.formatted(channel.campaigns)).param("tenant", Sql.tenant()).param("id", campaign)
                .query((rs, row) -> new Source(Sql.uuid(rs, "lineage_id"), Sql.uuid(rs, "retailer_id"))).optional()
                .filter(source -> source.template() != null)
                .ifPresent(source -> usage.reached(source.template(), source.retailer(), reached, clock.instant()));
    }
}
