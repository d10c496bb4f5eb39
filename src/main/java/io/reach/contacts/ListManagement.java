package io.reach.contacts;

import io.reach.audit.RequestOrigin;
import io.reach.platform.ids.Ids;
import io.reach.platform.mail.Mailer;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Lists and their members. Adding a contact to a single opt-in list confirms it at once; to a double
 * opt-in list mails it a confirmation link (valid {@link #CONFIRMATION_VALIDITY}) and it stays
 * unconfirmed, never mailed by a campaign, until the link is followed. Every join, confirmation and
 * departure is recorded as consent (with the address and time it came from) and on the contact's
 * timeline.
 */
@Service
public class ListManagement {

    static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);

    private final Lists lists;
    private final ListMembers members;
    private final Contacts contacts;
    private final Consents consents;
    private final ContactDirectory directory;
    private final ContactLinks links;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    ListManagement(
            Lists lists,
            ListMembers members,
            Contacts contacts,
            Consents consents,
            ContactDirectory directory,
            ContactLinks links,
            Mailer mailer,
            PublicUrl publicUrl,
            TenantTransactions transactions,
            Ids ids,
            Clock clock) {
        this.lists = lists;
        this.members = members;
        this.contacts = contacts;
        this.consents = consents;
        this.directory = directory;
        this.links = links;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** A list with how many members it has in each status, and (a public list) the address of its hosted form. */
    public record ListView(
            ContactList list,
            Map<MemberStatus, Long> members,
            @Nullable String formUrl) {}

    public ContactList create(Lists.Shape shape) {
        return transactions.inTransaction(() -> {
            UUID id = ids.next();
            if (!lists.add(id, shape, clock.instant())) {
                throw nameTaken(shape.name());
            }
            return lists.find(id).orElseThrow();
        });
    }

    public ListView find(UUID id) {
        return transactions.inTransaction(() -> {
            ContactList list = listOf(id);
            return new ListView(list, lists.counts(id), formLink(list));
        });
    }

    public CursorPage<ContactList> page(PageRequest page) {
        return transactions.inTransaction(
                () -> CursorPage.of(lists.page(page.afterOrStart(), page.fetchSize()), page, ContactList::id));
    }

    public ContactList change(UUID id, Lists.Shape shape) {
        return transactions.inTransaction(() -> {
            listOf(id);
            if (!lists.update(id, shape, clock.instant())) {
                throw nameTaken(shape.name());
            }
            return lists.find(id).orElseThrow();
        });
    }

    public void delete(UUID id) {
        transactions.inTransaction(() -> {
            if (!lists.delete(id)) {
                throw ContactNotFound.listForId(id);
            }
        });
    }

    public CursorPage<ListMember> members(UUID list, @Nullable MemberStatus status, PageRequest page) {
        return transactions.inTransaction(() -> {
            listOf(list);
            return CursorPage.of(
                    members.page(list, status, page.afterOrStart(), page.fetchSize()), page, ListMember::contactId);
        });
    }

    /**
     * Puts a contact on a list on a member's word (the API, the console, an import): confirmed at once
     * on a single opt-in list, else mailed a confirmation link. A confirmed member stays as is; an
     * unsubscribed contact is refused (409), as is a double opt-in for a contact without an e-mail address.
     */
    public ListMember add(UUID list, UUID contact, ConsentMethod method, RequestOrigin origin) {
        return transactions.inTransaction(() -> join(listOf(list), contactOf(contact), method, origin));
    }

    /** Takes a contact off a list: it stays as unsubscribed (its history is kept), a withdrawal is recorded. */
    public ListMember unsubscribe(UUID list, UUID contact, ConsentMethod method, RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            ContactList on = listOf(list);
            Instant now = clock.instant();
            if (members.leave(list, contact, now)) {
                consents.add(
                        ids.next(),
                        new Consents.Entry(
                                contact,
                                ContactChannel.EMAIL,
                                list,
                                on.name(),
                                ConsentAction.WITHDRAWN,
                                method,
                                origin,
                                byMember()),
                        now);
                directory.record(
                        contact,
                        ActivityKind.UNSUBSCRIBED,
                        ContactChannel.EMAIL,
                        ActivitySource.LIST,
                        list,
                        on.name(),
                        now);
            }
            return members.find(list, contact).orElseThrow(() -> ContactNotFound.forId(contact));
        });
    }

    /** Removes the membership altogether (a mistake); consent records stay. */
    public void remove(UUID list, UUID contact) {
        transactions.inTransaction(() -> {
            listOf(list);
            if (!members.remove(list, contact)) {
                throw ContactNotFound.forId(contact);
            }
        });
    }

    /**
     * Follows a confirmation link: the member becomes confirmed, with the address and time recorded as
     * a double opt-in consent. Empty for a link that is malformed, ran out or whose member or list is
     * gone; a second visit answers the membership as it is.
     */
    public Optional<Confirmed> confirm(String token, RequestOrigin origin) {
        Instant now = clock.instant();
        return links.open(ContactLinks.Kind.CONFIRM, token, now)
                .flatMap(target -> transactions.inTransactionAs(target.tenant(), () -> {
                    Optional<ContactList> list = lists.find(target.list());
                    Optional<ListMember> member = members.find(target.list(), target.contact());
                    if (list.isEmpty() || member.isEmpty()) {
                        return Optional.<Confirmed>empty();
                    }
                    if (members.confirm(target.list(), target.contact(), now)) {
                        consents.add(
                                ids.next(),
                                new Consents.Entry(
                                        target.contact(),
                                        ContactChannel.EMAIL,
                                        target.list(),
                                        list.get().name(),
                                        ConsentAction.GRANTED,
                                        ConsentMethod.DOUBLE_OPT_IN,
                                        origin,
                                        null),
                                now);
                        directory.record(
                                target.contact(),
                                ActivityKind.CONFIRMED,
                                ContactChannel.EMAIL,
                                ActivitySource.LIST,
                                target.list(),
                                null,
                                now);
                    }
                    return Optional.of(new Confirmed(
                            list.get().name(),
                            members.find(target.list(), target.contact())
                                    .orElseThrow()
                                    .status()));
                }));
    }

    /** What a confirmation link led to. */
    public record Confirmed(String listName, MemberStatus status) {}

    /** The address of a public list's hosted form; none for a private list. */
    private @Nullable String formLink(ContactList list) {
        if (list.visibility() != ListVisibility.PUBLIC) {
            return null;
        }
        return publicUrl.base() + "/subscribe/"
                + links.seal(
                        ContactLinks.Kind.FORM,
                        new ContactLinks.Target(TenantContext.require(), list.id(), ContactLinks.NONE, Instant.MAX));
    }

    /** The public list a form token names, as its workspace; empty when the token is not one or the list is gone or private. */
    public Optional<PublicForm> form(String token) {
        return links.open(ContactLinks.Kind.FORM, token, clock.instant())
                .flatMap(target -> transactions.inTransactionAs(
                        target.tenant(),
                        () -> lists.find(target.list())
                                .filter(list -> list.visibility() == ListVisibility.PUBLIC)
                                .map(list -> new PublicForm(target.tenant(), list))));
    }

    /** A public list and its workspace, as its hosted form knows them. */
    public record PublicForm(TenantId tenant, ContactList list) {}

    /**
     * Someone subscribes through a public list's form: a new contact (source form) or the one with that
     * address joins the list as the list's opt-in says. The answer never tells whether the address was known.
     */
    public MemberStatus subscribe(PublicForm form, ContactInput details, RequestOrigin origin) {
        return transactions.inTransactionAs(form.tenant(), () -> {
            Contact contact = holderOrNew(details, ContactSource.FORM);
            if (contact.status() != ContactStatus.SUBSCRIBED) {
                return MemberStatus.UNSUBSCRIBED;
            }
            return join(form.list(), contact, ConsentMethod.FORM, origin).status();
        });
    }

    /**
     * A member puts an e-mail address on a list in the console: the workspace's contact with that
     * address, or a new one (source console), joins as {@link #add} says.
     */
    public ListMember addAddress(UUID list, String email, RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            ContactList on = listOf(list);
            Contact contact = holderOrNew(
                    new ContactInput(email, null, null, null, null, null, null, null), ContactSource.CONSOLE);
            return join(on, contact, ConsentMethod.CONSOLE, origin);
        });
    }

    private Contact holderOrNew(ContactInput details, ContactSource source) {
        return contacts.withAddress(Addresses.normalEmail(details.email()), null).stream()
                .findFirst()
                .orElseGet(() -> directory.add(details, source));
    }

    private ListMember join(ContactList list, Contact contact, ConsentMethod method, RequestOrigin origin) {
        if (contact.status() != ContactStatus.SUBSCRIBED) {
            throw new ConflictException(
                    "Contact is " + contact.status().code(),
                    "An unsubscribed, bounced or complaining contact is not added to lists");
        }
        boolean double_ = list.optIn() == OptIn.DOUBLE;
        if (double_ && contact.email() == null) {
            throw new ConflictException(
                    "No e-mail address", "A double opt-in list confirms by e-mail; the contact has no address");
        }
        Instant now = clock.instant();
        MemberStatus wanted = double_ ? MemberStatus.UNCONFIRMED : MemberStatus.CONFIRMED;
        Optional<MemberStatus> joined = members.join(list.id(), contact.id(), wanted, now);
        if (joined.isPresent()) {
            directory.record(
                    contact.id(),
                    ActivityKind.SUBSCRIBED,
                    ContactChannel.EMAIL,
                    ActivitySource.LIST,
                    list.id(),
                    list.name(),
                    now);
            if (double_) {
                mailConfirmation(list, contact, now);
            } else {
                consents.add(
                        ids.next(),
                        new Consents.Entry(
                                contact.id(),
                                ContactChannel.EMAIL,
                                list.id(),
                                list.name(),
                                ConsentAction.GRANTED,
                                method,
                                origin,
                                byMember()),
                        now);
            }
        }
        return members.find(list.id(), contact.id()).orElseThrow();
    }

    /** The list, if the workspace still has it; in the caller's transaction. */
    public Optional<ContactList> existing(UUID id) {
        return lists.find(id);
    }

    /**
     * Mails the confirmation link to each of these new unconfirmed members of a double opt-in list (an
     * import's); in the caller's transaction.
     */
    public void mailConfirmations(ContactList list, List<UUID> members) {
        Instant now = clock.instant();
        members.forEach(member -> contacts.find(member)
                .filter(contact -> contact.email() != null)
                .ifPresent(contact -> mailConfirmation(list, contact, now)));
    }

    private void mailConfirmation(ContactList list, Contact contact, Instant now) {
        String token = links.seal(
                ContactLinks.Kind.CONFIRM,
                new ContactLinks.Target(
                        TenantContext.require(), list.id(), contact.id(), now.plus(CONFIRMATION_VALIDITY)));
        String link = publicUrl.base() + "/subscriptions/confirm?token=" + token;
        mailer.send(
                java.util.Objects.requireNonNull(contact.email()),
                "Confirm your subscription",
                "Hello " + contact.displayName() + ",\n\n"
                        + "Please confirm that you want to receive \"" + list.name() + "\" by opening this link:\n\n"
                        + link + "\n\n"
                        + "The link works for " + CONFIRMATION_VALIDITY.toDays()
                        + " days. If you did not ask for this, "
                        + "ignore this mail: you will not be subscribed.\n");
    }

    private ContactList listOf(UUID id) {
        return lists.find(id).orElseThrow(() -> ContactNotFound.listForId(id));
    }

    private Contact contactOf(UUID id) {
        return contacts.find(id).orElseThrow(() -> ContactNotFound.forId(id));
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("List name taken", "The workspace has a list named \"" + name + "\"");
    }

    private static @Nullable UUID byMember() {
        return TenantContext.currentUser().orElse(null);
    }
}
