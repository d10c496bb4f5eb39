package io.reach.campaigns.sending;

import io.reach.platform.console.HomeFact;
import io.reach.platform.console.HomeFacts;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Campaigns on the console's home: each e-mail or SMS campaign sending now, with how far it got. */
@Component
class SendingHomeFacts implements HomeFacts {

    private static final String SENDING = """
            select 'E-mail: ' || c.name as label, m.total_recipients as total,
                   (select count(*) from campaigns.email_sends s
                    where s.tenant_id = m.tenant_id and s.email_campaign_id = m.id and s.status not in ('queued', 'sending')) as done
            from campaigns.email_campaigns m join campaigns.campaigns c on c.tenant_id = m.tenant_id and c.id = m.campaign_id
            where m.status = 'sending'
            union all
            select 'SMS: ' || c.name, m.total_recipients,
                   (select count(*) from campaigns.sms_sends s
                    where s.tenant_id = m.tenant_id and s.sms_campaign_id = m.id and s.status not in ('queued', 'sending'))
            from campaigns.sms_campaigns m join campaigns.campaigns c on c.tenant_id = m.tenant_id and c.id = m.campaign_id
            where m.status = 'sending'
            order by 1
            limit 10""";

    private final JdbcClient jdbc;

    SendingHomeFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resource() {
        return "campaign_sends";
    }

    @Override
    public List<HomeFact> facts() {
        return jdbc.sql(SENDING)
                .query((row, number) -> new HomeFact(
                        HomeFact.Kind.ATTENTION,
                        "Sending " + row.getString("label"),
                        row.getLong("done") + " of " + row.getLong("total") + " sent",
                        "/app/messages"))
                .list();
    }
}
