package io.reach.campaigns.email;

import io.reach.campaigns.sending.MessageCampaignStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An e-mail campaign ({@code campaigns.email_campaigns}): the message every recipient gets, personalised. */
public record EmailCampaign(
        UUID id,
        UUID campaignId,
        @Nullable UUID templateId,
        String emailSubject,
        String emailContent,
        @Nullable String emailText,
        String senderEmail,
        @Nullable String senderName,
        MessageCampaignStatus status,
        UUID createdBy,
        @Nullable UUID retailerId,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant sentAt,
        @Nullable Instant completedAt,
        int totalRecipients,
        JsonNode metadata) {}
