package io.reach.campaigns.sending;

import io.reach.campaigns.templates.TemplateContent;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the console asks of one channel's message campaigns, the same questions for e-mail and SMS:
 * each channel answers them from its own tables and content. Reads run in the caller's tenant
 * transaction (see {@link MessageDesks}).
 */
public interface MessageDesk {

    Channel channel();

    /** A send's stored variables (a JSON object of strings) as a map. */
    static Map<String, String> variables(tools.jackson.databind.JsonNode node) {
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        node.properties()
                .forEach(entry -> variables.put(entry.getKey(), entry.getValue().asString("")));
        return variables;
    }

    /** One message campaign as the console's lists and headers show it. */
    record Summary(
            UUID id,
            Channel channel,
            String title,
            String sender,
            MessageCampaignStatus status,
            int totalRecipients,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable Instant completedAt) {

        public String statusCode() {
            return status.code();
        }

        public boolean takesRecipients() {
            return status.takesRecipients();
        }

        public boolean canSend() {
            return status == MessageCampaignStatus.DRAFT;
        }

        public boolean canPause() {
            return MessageCampaignMove.PAUSE.from.contains(status);
        }

        public boolean canResume() {
            return MessageCampaignMove.RESUME.from.contains(status);
        }

        public boolean canCancel() {
            return MessageCampaignMove.CANCEL.from.contains(status);
        }

        /** Sent or cancelled: nothing more will happen to its sends' queue. */
        public boolean finished() {
            return status == MessageCampaignStatus.SENT || status == MessageCampaignStatus.CANCELLED;
        }
    }

    /** One recipient's send: its status, when it went, and what went wrong (a bounce or failure reason). */
    record SendRow(
            UUID id,
            String address,
            @Nullable String name,
            Map<String, String> variables,
            String status,
            @Nullable Instant sentAt,
            @Nullable String problem) {}

    /** The message as one recipient gets it: a subject and HTML (e-mail) or a body (SMS, and e-mail's text part). */
    record Rendered(
            String address,
            @Nullable String name,
            @Nullable String subject,
            @Nullable String html,
            @Nullable String text) {}

    /** A new message campaign as the console's form gives it: under a campaign, from a template, by a sender. */
    record Draft(
            UUID campaignId,
            UUID templateId,
            String sender,
            @Nullable String senderName) {}

    /** Makes a draft message campaign with the API's rules; answers its id. */
    UUID create(UserPrincipal person, Draft draft);

    Summary summary(UUID id);

    /** The person's message campaigns of this channel, newest first, below {@code before}. */
    List<Summary> page(UserPrincipal person, UUID before, int limit);

    /** Sends after {@code after} in send order, only addresses containing {@code address} when given. */
    List<SendRow> sends(UUID id, UUID after, int limit, @Nullable String address);

    /** The campaign's content as checked template content, which recipients' variables are checked against. */
    TemplateContent content(UUID id);

    /** Refuses (409) when the channel's provider is not configured. */
    void requireCarrier();

    /** The campaign's message as {@code recipient} would get it (no tracking). */
    Rendered render(UUID id, SendRow recipient);

    /** Whether this channel can send a test message from the console. */
    default boolean sendsTests() {
        return false;
    }

    /** Sends {@code recipient}'s message, marked as a test, to {@code to} instead (nothing is recorded or tracked). */
    default void sendTest(TenantId tenant, UUID id, SendRow recipient, String to) {
        throw new io.reach.platform.web.ConflictException(
                "No test messages", "This channel does not send test messages from the console");
    }
}
