package io.reach.campaigns.analytics;

import java.util.List;

/** The CSV columns of the campaign analytics lists ({@code format=csv} or {@code Accept: text/csv}): one row per item. */
final class CampaignTables {

    static final List<String> DAILY = List.of("day", "opens", "clicks");
    /** A campaign's e-mail and SMS figures side by side: the ones the top list ranks by. */
    static final List<String> CAMPAIGN = List.of(
            "campaign_id",
            "name",
            "status",
            "email_sent",
            "email_delivered",
            "opens",
            "clicks",
            "delivery_rate",
            "open_rate",
            "click_rate",
            "sms_sent",
            "sms_delivered",
            "sms_delivery_rate");

    private CampaignTables() {}

    static List<?> daily(CampaignAnalytics.DailyEngagement day) {
        return List.of(day.day().toString(), day.opens(), day.clicks());
    }

    static List<?> campaign(CampaignAnalytics.CampaignStats stats) {
        CampaignAnalytics.EmailStats email = stats.email();
        CampaignAnalytics.SmsStats sms = stats.sms();
        return List.of(
                stats.campaignId().toString(),
                stats.name(),
                stats.status(),
                email.sent(),
                email.delivered(),
                email.opens(),
                email.clicks(),
                email.deliveryRate(),
                email.openRate(),
                email.clickRate(),
                sms.sent(),
                sms.delivered(),
                sms.deliveryRate());
    }
}
