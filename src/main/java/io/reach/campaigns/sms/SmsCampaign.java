package io.reach.campaigns.sms;

import io.reach.campaigns.sending.MessageCampaignStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An SMS campaign ({@code campaigns.sms_campaigns}), with the encoding and segment count of its body. */
public record SmsCampaign(
        UUID id,
        UUID campaignId,
        @Nullable UUID templateId,
        String smsContent,
        String senderNumber,
        MessageCampaignStatus status,
        UUID createdBy,
        @Nullable UUID retailerId,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant sentAt,
        @Nullable Instant completedAt,
        int totalRecipients,
        JsonNode metadata) {

    /** Segments of the body as written (personalised bodies may differ; each send records its own). */
    SmsSegments segments() {
        return SmsSegments.of(smsContent);
    }
}
