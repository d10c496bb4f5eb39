package io.reach.campaigns.sending;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** A messaging channel and the tables and columns its campaigns and sends live in. */
@CheckSet(table = "campaigns.suppressions", column = "channel")
@CheckSet(table = "campaigns.dispatch_leases", column = "channel")
public enum Channel {
    EMAIL(
            "email_campaigns",
            "email_sends",
            "email_campaign_id",
            "lower(s.recipient_email)",
            "recipient_email",
            "message_id",
            "bounce_reason"),
    SMS(
            "sms_campaigns",
            "sms_sends",
            "sms_campaign_id",
            "s.recipient_phone",
            "recipient_phone",
            "provider_message_id",
            "failure_reason");

    final String campaigns;
    final String sends;
    final String campaignColumn;
    final String addressKey;
    final String addressColumn;
    final String referenceColumn;
    final String reasonColumn;

    Channel(
            String campaigns,
            String sends,
            String campaignColumn,
            String addressKey,
            String addressColumn,
            String referenceColumn,
            String reasonColumn) {
        this.campaigns = "campaigns." + campaigns;
        this.sends = "campaigns." + sends;
        this.campaignColumn = campaignColumn;
        this.addressKey = addressKey;
        this.addressColumn = addressColumn;
        this.referenceColumn = referenceColumn;
        this.reasonColumn = reasonColumn;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
