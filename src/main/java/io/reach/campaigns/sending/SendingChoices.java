package io.reach.campaigns.sending;

import io.reach.campaigns.Sql;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a new e-mail or SMS campaign may be made from, for the console's create form: the workspace's
 * campaigns that still take message campaigns, and its active templates of the channel's type.
 */
@Repository
class SendingChoices {

    private static final String CAMPAIGNS = """
            select id, name from campaigns.campaigns
            where tenant_id = :tenant and status in ('draft', 'active', 'paused')
            order by id desc limit :limit""";
    private static final String TEMPLATES = """
            select lineage_id as id, template_name as name from campaigns.templates
            where tenant_id = :tenant and latest and is_active and template_type = :type
            order by template_name, lineage_id limit :limit""";

    private final JdbcClient jdbc;

    SendingChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MessageDesks.Choice> campaigns(int limit) {
        return jdbc.sql(CAMPAIGNS)
                .param("tenant", Sql.tenant())
                .param("limit", limit)
                .query((rs, row) -> new MessageDesks.Choice(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    List<MessageDesks.Choice> templates(Channel channel, int limit) {
        return jdbc.sql(TEMPLATES)
                .param("tenant", Sql.tenant())
                .param("type", channel.code())
                .param("limit", limit)
                .query((rs, row) -> new MessageDesks.Choice(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }
}
