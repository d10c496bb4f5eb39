package io.reach.campaigns.sms;

import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.Recipients;
import io.reach.campaigns.sending.SmsSendStatus;
import io.reach.campaigns.suppression.SuppressionLists;
import io.reach.campaigns.suppression.SuppressionReason;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the SMS provider tells a tenant, once its signature is verified: a message's status moved
 * (in Twilio's words, mapped onto {@link SmsSendStatus}), or someone replied; STOP and the other
 * opt-out words suppress the number, START lifts that, each MessageSid once.
 */
@Service
class SmsCallbacks {

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "UNSTOP", "YES");

    private final SmsCampaigns smsCampaigns;
    private final SuppressionLists suppressions;
    private final KeywordReplies replies;
    private final TenantTransactions transactions;
    private final Clock clock;

    SmsCallbacks(
            SmsCampaigns smsCampaigns,
            SuppressionLists suppressions,
            KeywordReplies replies,
            TenantTransactions transactions,
            Clock clock) {
        this.smsCampaigns = smsCampaigns;
        this.suppressions = suppressions;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records the provider's status of one send; false when the tenant has no such send. */
    boolean statusChanged(
            UUID tenant, UUID send, String providerStatus, @Nullable String errorCode, @Nullable String messageSid) {
        SmsSendStatus status = switch (providerStatus) {
            case "delivered", "read" -> SmsSendStatus.DELIVERED;
            case "sent" -> SmsSendStatus.SENT;
            case "undelivered", "failed", "canceled" -> SmsSendStatus.FAILED;
            default -> SmsSendStatus.PENDING;
        };
        String reason = status == SmsSendStatus.FAILED
                ? "Twilio " + providerStatus + (errorCode == null ? "" : " (error " + errorCode + ")")
                : null;
        return transactions.inTransactionAs(
                TenantId.of(tenant),
                () -> smsCampaigns.status(send, status, reason, messageSid, providerStatus, clock.instant()));
    }

    /** A reply from {@code from}: an opt-out word suppresses the number, an opt-in word lifts that; others are ignored. */
    void replied(UUID tenant, @Nullable String from, @Nullable String body, @Nullable String messageSid) {
        String number = Recipients.normalPhone(from);
        String word = body == null ? "" : body.trim().toUpperCase(Locale.ROOT);
        KeywordReplies.Keyword keyword = STOP.contains(word)
                ? KeywordReplies.Keyword.STOP
                : START.contains(word) ? KeywordReplies.Keyword.START : null;
        if (number == null || keyword == null) {
            return;
        }
        String sid = messageSid(messageSid);
        transactions.inTransactionAs(TenantId.of(tenant), () -> {
            // a signed callback can be replayed: each MessageSid counts once, so an old START cannot lift a later STOP
            if (!replies.firstTime(sid, number, keyword, clock.instant())) {
                return;
            }
            if (keyword == KeywordReplies.Keyword.STOP) {
                suppressions.suppressFor(Channel.SMS, number, SuppressionReason.STOP, null, clock.instant());
            } else {
                suppressions.liftFor(Channel.SMS, number, SuppressionReason.STOP);
            }
        });
    }

    private static String messageSid(@Nullable String sid) {
        if (sid == null || sid.isBlank() || sid.length() > 64) {
            throw new InvalidRequestException(new FieldError("MessageSid", "is required (Twilio's id of the message)"));
        }
        return sid;
    }
}
