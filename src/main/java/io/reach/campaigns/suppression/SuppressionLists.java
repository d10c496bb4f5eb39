package io.reach.campaigns.suppression;

import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.Recipients;
import io.reach.contacts.ActivityKind;
import io.reach.contacts.ConsentMethod;
import io.reach.contacts.ContactChannel;
import io.reach.contacts.ContactDirectory;
import io.reach.contacts.ContactStatus;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The tenant's suppression lists, one per channel, as people edit them by hand: addresses are kept
 * in their normal form (lower-case e-mail, E.164 number), so a hand-made entry matches a send.
 */
@Service
public class SuppressionLists {

    private final Suppressions suppressions;
    private final ContactDirectory contacts;
    private final TenantTransactions transactions;
    private final Clock clock;

    SuppressionLists(
            Suppressions suppressions, ContactDirectory contacts, TenantTransactions transactions, Clock clock) {
        this.suppressions = suppressions;
        this.contacts = contacts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Up to {@code limit} suppressions after the address {@code after}, in address order. */
    List<Suppressions.Suppression> page(Channel channel, String after, int limit) {
        return page(channel, after, limit, null);
    }

    /** As {@link #page(Channel, String, int)}, only the addresses containing {@code search} when given. */
    List<Suppressions.Suppression> page(Channel channel, String after, int limit, @Nullable String search) {
        return transactions.inTransaction(() -> suppressions.page(channel, after, limit, search));
    }

    void suppress(Channel channel, String address) {
        String normal = normal(channel, address);
        transactions.inTransaction(
                () -> suppressions.add(channel, normal, SuppressionReason.MANUAL, null, clock.instant()));
    }

    /**
     * Suppresses an address because of what happened to a message (a hard bounce, a complaint, an
     * unsubscribe, a STOP reply); {@code address} is already normal. Runs in the caller's tenant transaction.
     */
    public void suppressFor(
            Channel channel, String address, SuppressionReason reason, @Nullable UUID send, Instant at) {
        suppressions.add(channel, address, reason, send, at);
        ContactChannel on = channel == Channel.EMAIL ? ContactChannel.EMAIL : ContactChannel.SMS;
        switch (reason) {
            case UNSUBSCRIBED ->
                contacts.stopped(
                        on,
                        address,
                        ContactStatus.UNSUBSCRIBED,
                        ActivityKind.UNSUBSCRIBED,
                        ConsentMethod.UNSUBSCRIBE_LINK,
                        send,
                        at);
            case STOP ->
                contacts.stopped(
                        on,
                        address,
                        ContactStatus.UNSUBSCRIBED,
                        ActivityKind.UNSUBSCRIBED,
                        ConsentMethod.REPLY,
                        send,
                        at);
            case HARD_BOUNCE ->
                contacts.stopped(on, address, ContactStatus.BOUNCED, ActivityKind.BOUNCED, null, send, at);
            case COMPLAINT ->
                contacts.stopped(
                        on,
                        address,
                        ContactStatus.COMPLAINED,
                        ActivityKind.COMPLAINED,
                        ConsentMethod.COMPLAINT,
                        send,
                        at);
            case MANUAL -> {
                // a suppression by hand is the workspace's own list; the contact stays as it is
            }
        }
    }

    /** Lifts a suppression that had {@code reason} (a START reply lifts a STOP); runs in the caller's transaction. */
    public void liftFor(Channel channel, String address, SuppressionReason reason) {
        suppressions.remove(channel, address, reason);
    }

    /** Lifts the suppression of {@code address}, whatever its reason; false when there was none. */
    boolean lift(Channel channel, String address) {
        String normal = normal(channel, address);
        return transactions.inTransaction(() -> suppressions.remove(channel, normal, null));
    }

    private static String normal(Channel channel, String address) {
        String normal = channel == Channel.EMAIL ? Recipients.normalEmail(address) : Recipients.normalPhone(address);
        if (normal == null) {
            throw new InvalidRequestException(new FieldError(
                    "address", "is not a valid " + (channel == Channel.EMAIL ? "e-mail address" : "E.164 number")));
        }
        return normal;
    }
}
