package io.reach.campaigns.analytics;

import io.reach.campaigns.Sql;
import io.reach.measurement.EngagementEvents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaign performance: per e-mail and SMS campaign, per campaign (both channels together) and
 * the top campaigns. Who was sent, delivered, bounced, opened and clicked comes from the send
 * rows (each recipient once); how many opens and clicks people made comes from the measurement
 * engine's engagements, kept apart from website analytics (machine ones left out). Rates are
 * percentages: delivery and bounce of sent, open and click of delivered (sent and not bounced).
 */
@Component
class CampaignAnalytics {

    private static final String EMAIL = """
            select e.id, e.campaign_id, min(e.created_at) over () as since, count(s.id) as recipients,
                   count(s.sent_at) as sent, count(s.delivered_at) as confirmed_delivered,
                   count(s.opened_at) as opened, count(s.clicked_at) as clicked,
                   count(*) filter (where s.status = 'bounced') as bounced,
                   count(*) filter (where s.status = 'failed') as failed,
                   count(*) filter (where s.status = 'suppressed') as suppressed,
                   count(s.unsubscribed_at) as unsubscribed,
                   coalesce(sum(s.machine_open_count), 0) as machine_opens,
                   coalesce(sum(s.machine_click_count), 0) as machine_clicks
            from campaigns.email_campaigns e
            left join campaigns.email_sends s on s.tenant_id = e.tenant_id and s.email_campaign_id = e.id
            where e.tenant_id = :tenant and (cast(:campaign as uuid) is null or e.campaign_id = :campaign)
              and (cast(:id as uuid) is null or e.id = :id)
            group by e.id, e.campaign_id, e.created_at""";
    private static final String SMS = """
            select c.id, c.campaign_id, count(s.id) as recipients, count(s.sent_at) as sent,
                   count(*) filter (where s.status = 'delivered') as delivered,
                   count(*) filter (where s.status = 'failed') as failed,
                   count(*) filter (where s.status in ('pending', 'sent')) as pending,
                   count(*) filter (where s.status = 'suppressed') as suppressed,
                   coalesce(sum(s.segments), 0) as segments
            from campaigns.sms_campaigns c
            left join campaigns.sms_sends s on s.tenant_id = c.tenant_id and s.sms_campaign_id = c.id
            where c.tenant_id = :tenant and (cast(:campaign as uuid) is null or c.campaign_id = :campaign)
              and (cast(:id as uuid) is null or c.id = :id)
            group by c.id, c.campaign_id""";
    private static final String NAMES = "select id, name, status from campaigns.campaigns where tenant_id = :tenant";

    private final JdbcClient jdbc;
    private final EngagementEvents events;
    private final Clock clock;

    CampaignAnalytics(JdbcClient jdbc, EngagementEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record EmailStats(
            long recipients,
            long sent,
            long delivered,
            long confirmedDelivered,
            long opened,
            long clicked,
            long bounced,
            long failed,
            long suppressed,
            long unsubscribed,
            long opens,
            long clicks,
            long machineOpens,
            long machineClicks,
            BigDecimal deliveryRate,
            BigDecimal openRate,
            BigDecimal clickRate,
            BigDecimal bounceRate) {

        static final EmailStats NONE = of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        static EmailStats of(
                long recipients,
                long sent,
                long confirmed,
                long opened,
                long clicked,
                long bounced,
                long failed,
                long suppressed,
                long unsubscribed,
                long opens,
                long clicks,
                long machineOpens,
                long machineClicks) {
            long delivered = sent - bounced;
            return new EmailStats(
                    recipients,
                    sent,
                    delivered,
                    confirmed,
                    opened,
                    clicked,
                    bounced,
                    failed,
                    suppressed,
                    unsubscribed,
                    opens,
                    clicks,
                    machineOpens,
                    machineClicks,
                    rate(delivered, sent),
                    rate(opened, delivered),
                    rate(clicked, delivered),
                    rate(bounced, sent));
        }

        EmailStats plus(EmailStats o) {
            return of(
                    recipients + o.recipients,
                    sent + o.sent,
                    confirmedDelivered + o.confirmedDelivered,
                    opened + o.opened,
                    clicked + o.clicked,
                    bounced + o.bounced,
                    failed + o.failed,
                    suppressed + o.suppressed,
                    unsubscribed + o.unsubscribed,
                    opens + o.opens,
                    clicks + o.clicks,
                    machineOpens + o.machineOpens,
                    machineClicks + o.machineClicks);
        }
    }

    record SmsStats(
            long recipients,
            long sent,
            long delivered,
            long failed,
            long pending,
            long suppressed,
            long segments,
            BigDecimal deliveryRate,
            BigDecimal failureRate) {

        static final SmsStats NONE = of(0, 0, 0, 0, 0, 0, 0);

        static SmsStats of(
                long recipients, long sent, long delivered, long failed, long pending, long suppressed, long segments) {
            return new SmsStats(
                    recipients,
                    sent,
                    delivered,
                    failed,
                    pending,
                    suppressed,
                    segments,
                    rate(delivered, sent),
                    rate(failed, sent + failed));
        }

        SmsStats plus(SmsStats o) {
            return of(
                    recipients + o.recipients,
                    sent + o.sent,
                    delivered + o.delivered,
                    failed + o.failed,
                    pending + o.pending,
                    suppressed + o.suppressed,
                    segments + o.segments);
        }
    }

    record CampaignStats(UUID campaignId, String name, String status, EmailStats email, SmsStats sms) {}

    record DailyEngagement(LocalDate day, long opens, long clicks) {}

    /** Human opens and clicks per day of {@code zone}, every day from the e-mail campaign's creation to today. */
    List<DailyEngagement> emailDaily(UUID id, ZoneId zone) {
        Instant created = jdbc.sql(
                        "select created_at from campaigns.email_campaigns where tenant_id = :tenant and id = :id")
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        Instant from = created.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant to = clock.instant()
                .atZone(zone)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant();
        String page = "/email-campaigns/" + id;
        Map<LocalDate, long[]> days = new TreeMap<>();
        List<String> types = List.of("email_open", "email_click");
        for (int i = 0; i < types.size(); i++) {
            int column = i;
            events.dailyOnPage(types.get(i), page, from, to, zone)
                    .forEach(d -> days.computeIfAbsent(d.day(), k -> new long[2])[column] = d.events());
        }
        List<DailyEngagement> series = new ArrayList<>();
        for (LocalDate day = from.atZone(zone).toLocalDate();
                day.atStartOfDay(zone).toInstant().isBefore(to);
                day = day.plusDays(1)) {
            long[] counts = days.getOrDefault(day, new long[2]);
            series.add(new DailyEngagement(day, counts[0], counts[1]));
        }
        return series;
    }

    EmailStats email(UUID id) {
        return emailByCampaign(null, id).values().stream().findFirst().orElse(EmailStats.NONE);
    }

    SmsStats sms(UUID id) {
        return smsRows(null, id).values().stream().map(Row::stats).findFirst().orElse(SmsStats.NONE);
    }

    CampaignStats campaign(UUID campaign, String name, String status) {
        EmailStats email = emailByCampaign(campaign, null).values().stream().reduce(EmailStats.NONE, EmailStats::plus);
        SmsStats sms = smsRows(campaign, null).values().stream().map(Row::stats).reduce(SmsStats.NONE, SmsStats::plus);
        return new CampaignStats(campaign, name, status, email, sms);
    }

    /** Campaigns ranked by {@code metric} (an e-mail rate or count, or SMS deliveries), best first. */
    List<CampaignStats> top(String metric, int limit) {
        Map<UUID, EmailStats> emails = new LinkedHashMap<>();
        emailByCampaign(null, null).forEach((row, stats) -> emails.merge(row.campaign(), stats, EmailStats::plus));
        Map<UUID, SmsStats> sms = new LinkedHashMap<>();
        smsRows(null, null).forEach((row, stats) -> sms.merge(row.campaign(), stats.stats(), SmsStats::plus));
        Comparator<CampaignStats> order =
                Comparator.comparing(TopMetric.of(metric)::value).reversed();
        return jdbc
                .sql(NAMES)
                .param("tenant", Sql.tenant())
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new CampaignStats(
                            id,
                            rs.getString("name"),
                            rs.getString("status"),
                            emails.getOrDefault(id, EmailStats.NONE),
                            sms.getOrDefault(id, SmsStats.NONE));
                })
                .list()
                .stream()
                .filter(c -> c.email().sent() + c.sms().sent() > 0)
                .sorted(order)
                .limit(limit)
                .toList();
    }

    private record Key(UUID id, UUID campaign) {}

    private record Row(SmsStats stats) {}

    private Map<Key, EmailStats> emailByCampaign(@Nullable UUID campaign, @Nullable UUID id) {
        Map<Key, long[]> counts = new LinkedHashMap<>();
        @Nullable Instant[] since = {null};
        jdbc.sql(EMAIL)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("id", id)
                .query((rs, row) -> {
                    since[0] = Sql.requiredInstant(rs, "since");
                    return counts.put(
                            new Key(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class)),
                            new long[] {
                                rs.getLong("recipients"), rs.getLong("sent"), rs.getLong("confirmed_delivered"),
                                        rs.getLong("opened"),
                                rs.getLong("clicked"), rs.getLong("bounced"), rs.getLong("failed"),
                                        rs.getLong("suppressed"),
                                rs.getLong("unsubscribed"), rs.getLong("machine_opens"), rs.getLong("machine_clicks")
                            });
                })
                .list();
        Map<Key, EmailStats> stats = new LinkedHashMap<>();
        if (counts.isEmpty()) {
            return stats;
        }
        Instant from =
                Objects.requireNonNull(since[0], "every row carries since").truncatedTo(ChronoUnit.HOURS);
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Map<String, Long> opens = events.eventsByPage("email_open", from, to);
        Map<String, Long> clicks = events.eventsByPage("email_click", from, to);
        counts.forEach((key, c) -> {
            String page = "/email-campaigns/" + key.id();
            stats.put(
                    key,
                    EmailStats.of(
                            c[0],
                            c[1],
                            c[2],
                            c[3],
                            c[4],
                            c[5],
                            c[6],
                            c[7],
                            c[8],
                            opens.getOrDefault(page, 0L),
                            clicks.getOrDefault(page, 0L),
                            c[9],
                            c[10]));
        });
        return stats;
    }

    private Map<Key, Row> smsRows(@Nullable UUID campaign, @Nullable UUID id) {
        Map<Key, Row> rows = new LinkedHashMap<>();
        jdbc.sql(SMS)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("id", id)
                .query((rs, row) -> rows.put(
                        new Key(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class)),
                        new Row(SmsStats.of(
                                rs.getLong("recipients"),
                                rs.getLong("sent"),
                                rs.getLong("delivered"),
                                rs.getLong("failed"),
                                rs.getLong("pending"),
                                rs.getLong("suppressed"),
                                rs.getLong("segments")))))
                .list();
        return rows;
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
