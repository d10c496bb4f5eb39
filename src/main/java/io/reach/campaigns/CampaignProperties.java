package io.reach.campaigns;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reach.campaigns.*}: how sends are batched (a batch holds at most a quarter of {@code claimLease} of sending at
 * the campaign's rate; rows claimed longer than {@code claimLease} ago and not sent belong to a
 * dead worker), paced and spread over connections per
 * channel; when an open or click counts as a machine's; the secret provider webhooks sign with;
 * and the Twilio account SMS goes through.
 */
@ConfigurationProperties("reach.campaigns")
public record CampaignProperties(
        @DefaultValue("250") int batchSize,
        @DefaultValue("2m") Duration claimLease,
        @DefaultValue Email email,
        @DefaultValue Sms sms) {

    /**
     * E-mail: messages per second and SMTP connections per campaign; opens or clicks sooner than
     * {@code machineWindow} after sending (or delivery) count as machine ones; provider events are
     * signed with {@code webhookSecret} (without it the webhook is closed).
     */
    public record Email(
            @DefaultValue("500") int ratePerSecond,
            @DefaultValue("4") int concurrency,
            @DefaultValue("10s") Duration machineWindow,
            @Nullable String webhookSecret) {}

    /** SMS through a Twilio-compatible API at {@code baseUrl}; without an account SID, SMS cannot be sent. */
    public record Sms(
            @DefaultValue("20") int ratePerSecond,
            @DefaultValue("2") int concurrency,
            @DefaultValue("https://api.twilio.com") String baseUrl,
            @Nullable String accountSid,
            @Nullable String authToken,
            @DefaultValue("10s") Duration timeout) {}
}
