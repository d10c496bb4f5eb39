package io.reach.campaigns.sending;

import io.reach.contacts.Audiences;
import io.reach.contacts.ContactChannel;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * "Send a test": a campaign's message rendered for one person — a chosen contact (its fields,
 * attributes and preference link, as the campaign will address it), or one of the uploaded
 * recipients — and sent, marked as a test, to up to {@value #MAX_ADDRESSES} addresses of the
 * sender's choice. Nothing about a test is recorded or tracked.
 */
@Service
public class TestSends {

    public static final int MAX_ADDRESSES = 5;

    private final MessageDesks desks;
    private final Sending sending;
    private final Audiences audiences;

    TestSends(MessageDesks desks, Sending sending, Audiences audiences) {
        this.desks = desks;
        this.sending = sending;
        this.audiences = audiences;
    }

    /** Whom a test is rendered for: a contact by id or address, else the uploaded recipient with that address (or the first). */
    public record For(
            @Nullable UUID contactId,
            @Nullable String contactAddress,
            @Nullable String recipientAddress) {

        public static final For FIRST_RECIPIENT = new For(null, null, null);
    }

    /** What went out: to which addresses, rendered for whom. */
    public record Sent(List<String> to, String renderedFor) {}

    public Sent send(Channel channel, UUID id, UserPrincipal person, For whom, List<String> to) {
        List<String> addresses = to.stream()
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .toList();
        if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw new InvalidRequestException(new FieldError("to", "must name 1 to " + MAX_ADDRESSES + " addresses"));
        }
        MessageDesk desk = desks.desk(channel);
        TenantId tenant = TenantContext.require();
        return sending.forVisible(channel, id, person, () -> {
            MessageDesk.SendRow row = rowFor(channel, id, whom)
                    .orElseThrow(() -> new ConflictException(
                            "Nobody to render for", "Choose a contact or add recipients before sending a test"));
            for (String address : addresses) {
                desk.sendTest(tenant, id, row, address);
            }
            return new Sent(addresses, row.address());
        });
    }

    /** The person a preview or test is rendered for, as a recipient row; in the caller's transaction. */
    public Optional<MessageDesk.SendRow> rowFor(Channel channel, UUID id, For whom) {
        ContactChannel contactChannel = channel == Channel.EMAIL ? ContactChannel.EMAIL : ContactChannel.SMS;
        if (whom.contactId() != null) {
            return Optional.of(row(channel, audiences.member(whom.contactId())));
        }
        if (whom.contactAddress() != null && !whom.contactAddress().isBlank()) {
            Audiences.Member member = audiences
                    .memberWithAddress(contactChannel, whom.contactAddress())
                    .orElseThrow(() -> new InvalidRequestException(
                            new FieldError("contact", "no contact has the address " + whom.contactAddress())));
            return Optional.of(row(channel, member));
        }
        String search =
                whom.recipientAddress() == null || whom.recipientAddress().isBlank()
                        ? null
                        : whom.recipientAddress().strip();
        return desks.desk(channel).sends(id, new UUID(0, 0), 1, search).stream().findFirst();
    }

    private static MessageDesk.SendRow row(Channel channel, Audiences.Member member) {
        String address = channel == Channel.EMAIL ? member.email() : member.phone();
        if (address == null) {
            throw new ConflictException(
                    "No address",
                    "The contact has no " + (channel == Channel.EMAIL ? "e-mail address" : "phone number"));
        }
        return new MessageDesk.SendRow(
                member.contactId(),
                address,
                member.name().isEmpty() ? null : member.name(),
                member.values(),
                "test",
                null,
                null);
    }
}
