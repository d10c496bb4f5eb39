package io.reach.campaigns.sending;

import io.reach.campaigns.Sql;
import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The send rows of a channel as a work queue. A row is {@code queued} until a worker claims it
 * ({@code sending}, committed before any message goes out); the worker then records the outcome.
 * A row left {@code sending} by a worker that died is never sent again: the next run marks it
 * failed as interrupted. So each recipient gets at most one message, and one row per campaign.
 */
@Repository
class SendQueue {

    private static final String ADD = """
            insert into %1$s (tenant_id, id, %2$s, %3$s, recipient_name, variables, status, created_at)
            select :tenant, r.id, :campaign, r.address, r.name, cast(r.variables as jsonb),
                   case when exists (select 1 from campaigns.suppressions x where x.tenant_id = :tenant
                                     and x.channel = :channel and x.address = r.address) then 'suppressed' else 'queued' end,
                   :now
            from unnest(cast(cast(:ids as text[]) as uuid[]), cast(:addresses as text[]), cast(:names as text[]),
                        cast(:variables as text[])) as r(id, address, name, variables)
            on conflict do nothing""";
    private static final String TOTAL = """
            update %1$s set total_recipients = (select count(*) from %2$s where tenant_id = :tenant and %3$s = :campaign),
                updated_at = :now
            where tenant_id = :tenant and id = :campaign returning total_recipients""";
    private static final String INTERRUPTED = """
            update %1$s set status = 'failed', %2$s = 'interrupted while sending; not sent again so that nobody gets it twice'
            where tenant_id = :tenant and %3$s = :campaign and status = 'sending' and claimed_at < :expired""";
    private static final String CLAIM = """
            with picked as (
                select id from %1$s where tenant_id = :tenant and %2$s = :campaign and id > :after and status = 'queued'
                  and exists (select 1 from %5$s c where c.tenant_id = :tenant and c.id = :campaign and c.status = 'sending')
                order by id limit :limit for update skip locked),
            claimed as (
                update %1$s s set claimed_at = :now,
                    status = case when exists (select 1 from campaigns.suppressions x where x.tenant_id = s.tenant_id
                                               and x.channel = :channel and x.address = %3$s) then 'suppressed'
                                  else 'sending' end
                from picked where s.tenant_id = :tenant and s.id = picked.id
                returning s.id, s.%4$s as address, s.recipient_name, s.variables, s.status)
            select id, address, recipient_name, variables, status from claimed order by id""";
    private static final String RELEASE = """
            update %1$s set status = 'queued', claimed_at = null
            where tenant_id = :tenant and id = any(cast(cast(:ids as text[]) as uuid[])) and status = 'sending'""";
    /**
     * A batch's outcomes in one statement. The rows are found by {@code id = any(:ids)} on an index, which no
     * statistics can turn into a scan: joining the outcomes on the id alone was planned from the tenant's row
     * count, which lags behind a campaign just filled, and with 85 rows expected it scanned all 65,000 of the
     * tenant's sends and hash-joined them to the 50 outcomes (18.6 ms a batch instead of 1.7). It is planned
     * for its values ({@link #planForTheValues}), and the outcomes are unpacked once ({@code materialized}),
     * whatever the plan. One statement per outcome (a JDBC batch) avoided the scan, but paid the statement's own
     * start and end in PostgreSQL 50 times a batch: 45 µs an outcome.
     */
    private static final String MARK = """
            with o as materialized (
                select * from unnest(cast(cast(:ids as text[]) as uuid[]), cast(:statuses as text[]),
                                     cast(:references as text[]), cast(:reasons as text[]),
                                     cast(cast(:ats as text[]) as timestamptz[]), cast(cast(:segments as text[]) as int[]))
                    as o(id, status, reference, reason, at, segments))
            update %1$s s set status = case when s.status = 'sending' then o.status else s.status end,
                %2$s = coalesce(o.reference, s.%2$s), %3$s = coalesce(o.reason, s.%3$s),
                sent_at = case when o.status in ('sent', 'pending') then coalesce(s.sent_at, o.at) else s.sent_at end%4$s
            from o
            where s.tenant_id = :tenant and s.id = any(cast(cast(:ids as text[]) as uuid[])) and s.id = o.id""";

    private static final String COUNTS = """
            select status, count(*) as n from %1$s where tenant_id = :tenant and %2$s = :campaign group by status""";
    private static final String REMAINING = """
            select count(*) from %1$s where tenant_id = :tenant and %2$s = :campaign and status = any(cast(:statuses as text[]))""";

    private static final String SUPPRESSED = """
            select address from campaigns.suppressions
            where tenant_id = :tenant and channel = :channel and address = any(cast(:addresses as text[]))""";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final JsonMapper json = JsonMapper.builder().build();

    SendQueue(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Adds recipients not yet on the campaign (suppressed ones as {@code suppressed}); answers the new total. */
    int add(Channel channel, UUID campaign, List<Recipients.Recipient> recipients, Instant now) {
        for (int from = 0; from < recipients.size(); from += 5_000) {
            List<Recipients.Recipient> chunk = recipients.subList(from, Math.min(recipients.size(), from + 5_000));
            jdbc.sql(ADD.formatted(channel.sends, channel.campaignColumn, channel.addressColumn))
                    .param("tenant", Sql.tenant())
                    .param("campaign", campaign)
                    .param("channel", channel.code())
                    .param("ids", chunk.stream().map(r -> ids.next().toString()).toArray(String[]::new))
                    .param(
                            "addresses",
                            chunk.stream().map(Recipients.Recipient::address).toArray(String[]::new))
                    .param(
                            "names",
                            chunk.stream().map(Recipients.Recipient::name).toArray(String[]::new))
                    .param(
                            "variables",
                            chunk.stream()
                                    .map(r -> json.writeValueAsString(r.variables()))
                                    .toArray(String[]::new))
                    .param("now", UtcTimes.utcOrNull(now))
                    .update();
        }
        return jdbc.sql(TOTAL.formatted(channel.campaigns, channel.sends, channel.campaignColumn))
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("now", UtcTimes.utcOrNull(now))
                .query(Integer.class)
                .single();
    }

    /** Which of the recipients' addresses are on the channel's suppression list. */
    Set<String> suppressedAmong(Channel channel, List<Recipients.Recipient> recipients) {
        if (recipients.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql(SUPPRESSED)
                .param("tenant", Sql.tenant())
                .param("channel", channel.code())
                .param(
                        "addresses",
                        recipients.stream().map(Recipients.Recipient::address).toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** Marks failed the rows claimed before {@code expired} and still not sent: their worker died mid-send. */
    int markInterrupted(Channel channel, UUID campaign, Instant expired) {
        return jdbc.sql(INTERRUPTED.formatted(channel.sends, channel.reasonColumn, channel.campaignColumn))
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("expired", UtcTimes.utcOrNull(expired))
                .update();
    }

    /**
     * Claims up to {@code limit} queued rows after {@code after} in id order (a run claims in order, so the rows
     * before where its last claim ended were all taken), none once the campaign is no longer sending (paused). Rows whose address was suppressed since they were queued
     * are marked so and not handed out, but count towards where the next claim starts.
     */
    Claim claim(Channel channel, UUID campaign, UUID after, int limit, Instant now) {
        List<QueuedSend> sends = new ArrayList<>();
        List<UUID> picked = jdbc.sql(CLAIM.formatted(
                        channel.sends,
                        channel.campaignColumn,
                        channel.addressKey,
                        channel.addressColumn,
                        channel.campaigns))
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("after", after)
                .param("channel", channel.code())
                .param("limit", limit)
                .param("now", UtcTimes.utcOrNull(now))
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (SendStatus.sending(channel).code().equals(rs.getString("status"))) {
                        sends.add(new QueuedSend(
                                channel,
                                id,
                                rs.getString("address"),
                                rs.getString("recipient_name"),
                                variables(rs.getString("variables"))));
                    }
                    return id;
                })
                .list();
        return new Claim(sends, picked.isEmpty() ? null : picked.getLast());
    }

    /**
     * One claim: the messages to send, and the highest id it took (suppressed rows too), where the run's next
     * claim starts; none when nothing queued was left to take.
     */
    record Claim(List<QueuedSend> sends, @Nullable UUID reached) {

        static final Claim NONE = new Claim(List.of(), null);

        boolean tookNothing() {
            return reached == null;
        }
    }

    void release(Channel channel, List<QueuedSend> sends) {
        if (!sends.isEmpty()) {
            jdbc.sql(RELEASE.formatted(channel.sends))
                    .param("tenant", Sql.tenant())
                    .param("ids", Sql.texts(sends.stream().map(QueuedSend::id)))
                    .update();
        }
    }

    void mark(Channel channel, List<SendOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        String segments = channel == Channel.SMS ? ", segments = coalesce(o.segments, s.segments)" : "";
        planForTheValues();
        jdbc.sql(MARK.formatted(channel.sends, channel.referenceColumn, channel.reasonColumn, segments))
                .param("tenant", Sql.tenant())
                .param("ids", Sql.texts(outcomes.stream().map(SendOutcome::sendId)))
                .param(
                        "statuses",
                        Sql.texts(outcomes.stream().map(o -> o.status().code())))
                .param("references", Sql.texts(outcomes.stream().map(SendOutcome::reference)))
                .param("reasons", Sql.texts(outcomes.stream().map(SendOutcome::reason)))
                .param("ats", Sql.texts(outcomes.stream().map(SendOutcome::at)))
                .param("segments", Sql.texts(outcomes.stream().map(SendOutcome::segments)))
                .update();
    }

    /**
     * Plans the rest of this transaction's statements for their values. {@link #MARK} needs it: the generic plan
     * the server would settle on after five runs, sure the arrays hold ten elements and the rows one, unpacks the
     * outcomes and then compares every outcome with every row (10,000 comparisons a batch of 100: 3.4 ms, where
     * the plan for 100 hash-joins them in 0.9 with its planning). The marking comes last in its transaction, so
     * only the template's reach after it is planned again too.
     */
    private void planForTheValues() {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                .query()
                .listOfRows();
    }

    Map<String, Long> counts(Channel channel, UUID campaign) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(COUNTS.formatted(channel.sends, channel.campaignColumn))
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Rows still to send: queued, or claimed and not yet sent. */
    long remaining(Channel channel, UUID campaign) {
        return count(channel, campaign, SendStatus.queued(channel), SendStatus.sending(channel));
    }

    long queued(Channel channel, UUID campaign) {
        return count(channel, campaign, SendStatus.queued(channel));
    }

    private long count(Channel channel, UUID campaign, SendStatus... statuses) {
        return jdbc.sql(REMAINING.formatted(channel.sends, channel.campaignColumn))
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("statuses", Arrays.stream(statuses).map(SendStatus::code).toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private Map<String, String> variables(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        json.readTree(text)
                .properties()
                .forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        return values;
    }
}
