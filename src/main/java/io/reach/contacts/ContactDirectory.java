package io.reach.contacts;

import io.reach.audit.RequestOrigin;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The workspace's contacts as people manage them: add one (its e-mail address and number are each
 * unique in the workspace), read, change, find, delete, merge a duplicate into the contact it
 * duplicates, and unsubscribe or resubscribe — each status change leaves a consent record.
 */
@Service
public class ContactDirectory {

    private final Contacts contacts;
    private final ContactFields fields;
    private final Consents consents;
    private final ListMembers members;
    private final Activities activities;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    ContactDirectory(
            Contacts contacts,
            ContactFields fields,
            Consents consents,
            ListMembers members,
            Activities activities,
            TenantTransactions transactions,
            Ids ids,
            Clock clock) {
        this.contacts = contacts;
        this.fields = fields;
        this.consents = consents;
        this.members = members;
        this.activities = activities;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Adds a contact; 409 when the workspace has a contact with its e-mail address or number. */
    public Contact add(ContactInput input, ContactSource source) {
        return transactions.inTransaction(() -> {
            ContactDetails details = ContactDetails.of(input, fields.all());
            refuseTaken(details, null);
            UUID id = ids.next();
            try {
                contacts.add(id, details, ContactStatus.SUBSCRIBED, source, clock.instant());
            } catch (DuplicateKeyException taken) {
                throw duplicate("another contact");
            }
            return contacts.find(id).orElseThrow();
        });
    }

    public Contact find(UUID id) {
        return transactions.inTransaction(() -> contacts.find(id)).orElseThrow(() -> ContactNotFound.forId(id));
    }

    /** The contacts under the filter, newest first. */
    public CursorPage<Contact> page(ContactFilter filter, PageRequest page) {
        return transactions.inTransaction(
                () -> CursorPage.of(contacts.page(filter, page.beforeOrEnd(), page.fetchSize()), page, Contact::id));
    }

    /** Changes what {@code change} names; 409 when the new address or number is another contact's. */
    public Contact change(UUID id, ContactInput change) {
        return transactions.inTransaction(() -> {
            Contact current = contacts.find(id).orElseThrow(() -> ContactNotFound.forId(id));
            ContactDetails details = detailsOf(current).changed(change, fields.all());
            refuseTaken(details, id);
            try {
                contacts.update(id, details, clock.instant());
            } catch (DuplicateKeyException taken) {
                throw duplicate("another contact");
            }
            return contacts.find(id).orElseThrow();
        });
    }

    public void delete(UUID id) {
        transactions.inTransaction(() -> {
            if (!contacts.delete(id)) {
                throw ContactNotFound.forId(id);
            }
        });
    }

    /**
     * Unsubscribes the contact from everything on {@code channel}'s behalf: its status becomes
     * unsubscribed, it leaves every list, and a withdrawal is recorded (the grants before it stay).
     */
    public Contact unsubscribe(UUID id, ContactChannel channel, ConsentMethod method, RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            Contact contact = contacts.find(id).orElseThrow(() -> ContactNotFound.forId(id));
            Instant now = clock.instant();
            contacts.setStatus(id, ContactStatus.UNSUBSCRIBED, now);
            members.leaveAll(id, now);
            consents.add(
                    ids.next(),
                    new Consents.Entry(
                            id, channel, null, "all messages", ConsentAction.WITHDRAWN, method, origin, byMember()),
                    now);
            record(contact.id(), ActivityKind.UNSUBSCRIBED, channel, null, null, method.code(), now);
            return contacts.find(id).orElseThrow();
        });
    }

    /** Subscribes an unsubscribed contact again on the contact's (or a member's) word, recorded as a grant. */
    public Contact resubscribe(UUID id, ContactChannel channel, ConsentMethod method, RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            contacts.find(id).orElseThrow(() -> ContactNotFound.forId(id));
            Instant now = clock.instant();
            contacts.setStatus(id, ContactStatus.SUBSCRIBED, now);
            consents.add(
                    ids.next(),
                    new Consents.Entry(
                            id, channel, null, "all messages", ConsentAction.GRANTED, method, origin, byMember()),
                    now);
            return contacts.find(id).orElseThrow();
        });
    }

    /**
     * Merges {@code duplicate} into {@code survivor}: the survivor keeps what it has and takes what it
     * lacks (address, number, names, attributes it has not set), the tags of both, every list
     * membership, consent record and activity; the stricter status wins (a merge never resubscribes);
     * the duplicate is deleted.
     */
    public Contact merge(UUID survivor, UUID duplicate) {
        if (survivor.equals(duplicate)) {
            throw new ConflictException("Cannot merge", "A contact cannot be merged into itself");
        }
        return transactions.inTransaction(() -> {
            Contact kept = contacts.find(survivor).orElseThrow(() -> ContactNotFound.forId(survivor));
            Contact gone = contacts.find(duplicate).orElseThrow(() -> ContactNotFound.forId(duplicate));
            Instant now = clock.instant();
            members.move(duplicate, survivor);
            consents.move(duplicate, survivor);
            activities.move(duplicate, survivor);
            contacts.delete(duplicate);
            contacts.update(survivor, merged(kept, gone), now);
            ContactStatus status = stricter(kept.status(), gone.status());
            contacts.setStatus(survivor, status, now);
            activities.rescore(survivor, now);
            return contacts.find(survivor).orElseThrow();
        });
    }

    /**
     * What a message channel learnt about an address (an unsubscribe link, a STOP reply, a hard bounce,
     * a complaint) carried to the workspace's contact of that address, if it has one: its status, a
     * withdrawal when the person said so, and its timeline. Runs in the caller's transaction.
     */
    public void stopped(
            ContactChannel channel,
            String address,
            ContactStatus status,
            ActivityKind kind,
            @Nullable ConsentMethod withdrawal,
            @Nullable UUID sourceSend,
            Instant at) {
        for (Contact contact : holdersOf(channel, address)) {
            if (contact.status() == ContactStatus.SUBSCRIBED) {
                contacts.setStatus(contact.id(), status, at);
            }
            if (withdrawal != null) {
                consents.add(
                        ids.next(),
                        new Consents.Entry(
                                contact.id(),
                                channel,
                                null,
                                "all messages",
                                ConsentAction.WITHDRAWN,
                                withdrawal,
                                io.reach.audit.RequestOrigin.UNKNOWN,
                                null),
                        at);
            }
            record(contact.id(), kind, channel, null, sourceSend, null, at);
        }
    }

    /**
     * What a person did with a message (opened, clicked), on the timeline of the workspace's contact
     * of that address, if it has one. Runs in the caller's transaction.
     */
    public void engaged(
            ContactChannel channel,
            String address,
            ActivityKind kind,
            ActivitySource source,
            UUID sourceId,
            @Nullable String detail,
            Instant at) {
        holdersOf(channel, address)
                .forEach(contact -> record(contact.id(), kind, channel, source, sourceId, detail, at));
    }

    /** Adds an activity to the contact's timeline and recounts its score; runs in the caller's transaction. */
    void record(
            UUID contact,
            ActivityKind kind,
            @Nullable ContactChannel channel,
            @Nullable ActivitySource sourceType,
            @Nullable UUID sourceId,
            @Nullable String detail,
            Instant at) {
        activities.add(new Activity(ids.next(), contact, kind, channel, sourceType, sourceId, detail, at));
        activities.rescore(contact, clock.instant());
    }

    /** The contact's timeline, newest first. */
    public CursorPage<Activity> timeline(UUID id, PageRequest page) {
        return transactions.inTransaction(() -> {
            contacts.find(id).orElseThrow(() -> ContactNotFound.forId(id));
            return CursorPage.of(activities.page(id, page.beforeOrEnd(), page.fetchSize()), page, Activity::id);
        });
    }

    /** The contact's consent records, oldest first. */
    public List<Consent> consents(UUID id) {
        return transactions.inTransaction(() -> {
            contacts.find(id).orElseThrow(() -> ContactNotFound.forId(id));
            return consents.of(id);
        });
    }

    /** Records a consent given or withdrawn outside Reach (a paper form, a call), said by a member. */
    public Consent recordConsent(Consents.Entry entry) {
        return transactions.inTransaction(() -> {
            contacts.find(entry.contactId()).orElseThrow(() -> ContactNotFound.forId(entry.contactId()));
            UUID id = ids.next();
            consents.add(id, entry, clock.instant());
            return consents.of(entry.contactId()).stream()
                    .filter(consent -> consent.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        });
    }

    /** The lists the contact is on, in any status. */
    public List<ListMember> memberships(UUID id) {
        return transactions.inTransaction(() -> {
            contacts.find(id).orElseThrow(() -> ContactNotFound.forId(id));
            return members.of(id);
        });
    }

    /** The workspace's contact with this e-mail address (or number, on the SMS channel), if it has one. */
    public Optional<Contact> withAddress(ContactChannel channel, String address) {
        String normal =
                channel == ContactChannel.EMAIL ? Addresses.normalEmail(address) : Addresses.normalPhone(address);
        return normal == null
                ? Optional.empty()
                : transactions.inTransaction(
                        () -> holdersOf(channel, normal).stream().findFirst());
    }

    /** The workspace's contact of an address (e-mail) or number (SMS), if it has one. */
    private List<Contact> holdersOf(ContactChannel channel, String address) {
        return channel == ContactChannel.EMAIL
                ? contacts.withAddress(address, null)
                : contacts.withAddress(null, address);
    }

    static ContactDetails detailsOf(Contact contact) {
        return new ContactDetails(
                contact.email(),
                contact.phone(),
                contact.firstName(),
                contact.lastName(),
                contact.locale(),
                contact.timeZone(),
                new LinkedHashMap<>(contact.attributes()),
                contact.tags());
    }

    private static ContactDetails merged(Contact kept, Contact gone) {
        Map<String, Object> attributes = new LinkedHashMap<>(gone.attributes());
        attributes.putAll(kept.attributes());
        LinkedHashSet<String> tags = new LinkedHashSet<>(kept.tags());
        tags.addAll(gone.tags());
        return new ContactDetails(
                either(kept.email(), gone.email()),
                either(kept.phone(), gone.phone()),
                either(kept.firstName(), gone.firstName()),
                either(kept.lastName(), gone.lastName()),
                either(kept.locale(), gone.locale()),
                either(kept.timeZone(), gone.timeZone()),
                attributes,
                tags.stream().limit(ContactDetails.MAX_TAGS).toList());
    }

    private static @Nullable String either(@Nullable String kept, @Nullable String other) {
        return kept != null ? kept : other;
    }

    /** The status that writes to the contact least: subscribed only when both were. */
    private static ContactStatus stricter(ContactStatus a, ContactStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** 409 naming the contact that has the details' address or number, unless that is {@code self}. */
    private void refuseTaken(ContactDetails details, @Nullable UUID self) {
        contacts.withAddress(details.email(), details.phone()).stream()
                .filter(holder -> !holder.id().equals(self))
                .findFirst()
                .ifPresent(holder -> {
                    throw duplicate("contact " + holder.id());
                });
    }

    private static ConflictException duplicate(String who) {
        return new ConflictException(
                "Contact exists",
                "The e-mail address or phone number belongs to " + who + "; change that contact or merge the two");
    }

    private static @Nullable UUID byMember() {
        return TenantContext.currentUser().orElse(null);
    }
}
