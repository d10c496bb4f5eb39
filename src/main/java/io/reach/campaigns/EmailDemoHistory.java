package io.reach.campaigns;

import static io.reach.platform.time.UtcTimes.utc;
import static io.reach.platform.time.UtcTimes.utcOrNull;

import io.reach.platform.demo.DemoWorkspace;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What sending the demo's e-mail campaign would have recorded, written at once inside the caller's
 * transaction: about 2% bounced, 40% opened, 8% clicked and a few unsubscribed, over the days after
 * the send (most in the first two).
 */
final class EmailDemoHistory {

    private static final String SHOP = "https://shop.example/autumn-sale";
    private static final String SEND = """
            update campaigns.email_sends set status = :status, message_id = :message, claimed_at = :sent,
                sent_at = :sent, delivered_at = :delivered, opened_at = :opened, clicked_at = :clicked,
                bounced_at = :bounced, unsubscribed_at = :unsubscribed, open_count = :opens, click_count = :clicks,
                bounce_reason = :reason, created_at = :created
            where id = :id""";

    private final JdbcClient jdbc;
    private final DemoWorkspace workspace;

    EmailDemoHistory(JdbcClient jdbc, DemoWorkspace workspace) {
        this.jdbc = jdbc;
        this.workspace = workspace;
    }

    /** An open or click of one send, for the engagement events. */
    record Outcome(String type, UUID send, @Nullable String url, Instant at) {}

    /** Records the sends of {@code email} (under {@code campaign}) as sent from {@code sent}; answers the engagements. */
    List<Outcome> record(UUID campaign, UUID email, Instant sent) {
        List<Outcome> outcomes = new ArrayList<>();
        List<UUID> sends = jdbc.sql("select id from campaigns.email_sends where email_campaign_id = :id order by id")
                .param("id", email)
                .query((rs, row) -> Objects.requireNonNull(rs.getObject(1, UUID.class)))
                .list();
        for (int i = 0; i < sends.size(); i++) {
            outcomes.addAll(send(sends.get(i), i, sent.plusSeconds(i)));
        }
        Instant done = sent.plusSeconds(sends.size() + 30L);
        jdbc.sql("""
                update campaigns.email_campaigns set status = 'sent', sent_at = :sent, completed_at = :done,
                    total_recipients = :total, created_at = :created, updated_at = :done
                where id = :id""")
                .param("sent", utc(sent))
                .param("done", utc(done))
                .param("total", sends.size())
                .param("created", utc(sent.minus(1, ChronoUnit.DAYS)))
                .param("id", email)
                .update();
        jdbc.sql("""
                insert into campaigns.suppressions (tenant_id, channel, address, reason, source_send, created_at)
                select tenant_id, 'email', lower(recipient_email),
                    case when status = 'bounced' then 'hard_bounce' else 'unsubscribed' end, id,
                    coalesce(unsubscribed_at, bounced_at)
                from campaigns.email_sends
                where email_campaign_id = :id and (status = 'bounced' or unsubscribed_at is not null)
                on conflict do nothing""").param("id", email).update();
        jdbc.sql(
                        "update campaigns.budget_entries set created_at = :sent where campaign_id = :campaign and source = 'email'")
                .param("sent", utc(sent))
                .param("campaign", campaign)
                .update();
        return outcomes;
    }

    private List<Outcome> send(UUID id, int n, Instant sent) {
        boolean bounced = workspace.pick("demo-email-bounce", n, 100) < 2;
        boolean opened = !bounced && workspace.pick("demo-email-open", n, 100) < 41;
        boolean clicked = opened && workspace.pick("demo-email-click", n, 100) < 20;
        boolean unsubscribed = opened && !clicked && workspace.pick("demo-email-unsubscribe", n, 100) < 3;
        Instant openedAt = sent.plus(delayMinutes(n), ChronoUnit.MINUTES);
        Instant clickedAt = openedAt.plus(1 + workspace.pick("demo-email-click-delay", n, 10), ChronoUnit.MINUTES);
        int opens = opened ? 1 + workspace.pick("demo-email-opens", n, 3) : 0;
        int clicks = clicked ? 1 + workspace.pick("demo-email-clicks", n, 2) : 0;
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < opens; i++) {
            outcomes.add(new Outcome("email_open", id, null, earlier(openedAt.plus(i * 5L, ChronoUnit.HOURS))));
        }
        for (int i = 0; i < clicks; i++) {
            outcomes.add(new Outcome("email_click", id, SHOP, earlier(clickedAt.plus(i * 5L, ChronoUnit.HOURS))));
        }
        jdbc.sql(SEND)
                .param("status", bounced ? "bounced" : clicked ? "clicked" : opened ? "opened" : "delivered")
                .param("message", "<demo-" + id + "@mail.shop.example>")
                .param("sent", utc(sent))
                .param("delivered", bounced ? null : utc(sent.plusSeconds(3 + n % 40)))
                .param("opened", opened ? utc(openedAt) : null)
                .param("clicked", clicked ? utc(clickedAt) : null)
                .param("bounced", bounced ? utc(sent.plusSeconds(20)) : null)
                .param("unsubscribed", unsubscribed ? utcOrNull(openedAt.plus(2, ChronoUnit.MINUTES)) : null)
                .param("opens", opens)
                .param("clicks", clicks)
                .param("reason", bounced ? "550 5.1.1 The email account that you tried to reach does not exist" : null)
                .param("created", utc(sent.minus(1, ChronoUnit.DAYS)))
                .param("id", id)
                .update();
        return outcomes;
    }

    /** Minutes from send to first open: most within hours, a long tail over the following nine days. */
    private long delayMinutes(int n) {
        double u = workspace.pick("demo-email-open-delay", n, 1000) / 1000.0;
        return 5 + (long) (u * u * u * 9 * 24 * 60);
    }

    private Instant earlier(Instant at) {
        return at.isAfter(workspace.now()) ? workspace.now() : at;
    }
}
