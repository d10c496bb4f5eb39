package io.reach.contacts;

import io.reach.audit.RequestOrigin;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A contact's hosted preference centre, reached by a signed link that names its workspace and the
 * contact: the lists it may choose from (the public ones and those it is on) with where it stands,
 * and unsubscribing from everything. Each change goes through the lists and the directory, so it is
 * recorded as consent (method preference_centre) and holds for the next campaign.
 */
@Service
public class PreferenceCentre {

    private final ContactLinks links;
    private final Lists lists;
    private final ListMembers members;
    private final Contacts contacts;
    private final ListManagement listManagement;
    private final ContactDirectory directory;
    private final PreferenceCentres centres;
    private final PublicUrl publicUrl;
    private final TenantTransactions transactions;
    private final Clock clock;

    PreferenceCentre(
            ContactLinks links,
            Lists lists,
            ListMembers members,
            Contacts contacts,
            ListManagement listManagement,
            ContactDirectory directory,
            PreferenceCentres centres,
            PublicUrl publicUrl,
            TenantTransactions transactions,
            Clock clock) {
        this.links = links;
        this.lists = lists;
        this.members = members;
        this.contacts = contacts;
        this.listManagement = listManagement;
        this.directory = directory;
        this.centres = centres;
        this.publicUrl = publicUrl;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One list as the centre shows it: whether the contact receives it. */
    public record Choice(
            UUID listId,
            String name,
            @org.jspecify.annotations.Nullable String description,
            boolean subscribed) {}

    /**
     * What the centre shows: the contact's address, whether it still receives anything, the lists,
     * how often it wants campaigns, and how the workspace's centre looks.
     */
    public record Preferences(
            String address,
            boolean unsubscribed,
            List<Choice> choices,
            Frequency frequency,
            PreferenceBranding branding) {}

    /** The address of the contact's preference centre (its link does not run out). */
    public String link(UUID contact) {
        transactions.inTransaction(() -> contacts.find(contact).orElseThrow(() -> ContactNotFound.forId(contact)));
        return publicUrl.base() + links.preferencesPath(TenantContext.require(), contact);
    }

    /** The centre a link opens; empty for a link that is not one or a contact that is gone. */
    public Optional<Preferences> open(String token) {
        return target(token)
                .flatMap(target -> transactions.inTransactionAs(
                        target.tenant(), () -> contacts.find(target.contact()).map(this::preferences)));
    }

    /**
     * Saves the contact's choice: it receives exactly the {@code chosen} lists among those the centre
     * offers (joining a double opt-in list mails a confirmation), as often as {@code frequency} says
     * (when the centre offers the choice), or, with {@code everything}, nothing at all.
     */
    public boolean save(
            String token,
            Set<UUID> chosen,
            @org.jspecify.annotations.Nullable Frequency frequency,
            boolean everything,
            RequestOrigin origin) {
        Optional<ContactLinks.Target> target = target(token);
        if (target.isEmpty()) {
            return false;
        }
        TenantId tenant = target.get().tenant();
        UUID contactId = target.get().contact();
        return transactions.inTransactionAs(tenant, () -> {
            Optional<Contact> contact = contacts.find(contactId);
            if (contact.isEmpty()) {
                return false;
            }
            if (everything) {
                directory.unsubscribe(contactId, ContactChannel.EMAIL, ConsentMethod.PREFERENCE_CENTRE, origin);
                return true;
            }
            Preferences shown = preferences(contact.get());
            if (frequency != null && shown.branding().offerFrequency()) {
                contacts.setFrequency(contactId, frequency, clock.instant());
            }
            for (Choice choice : shown.choices()) {
                boolean wanted = chosen.contains(choice.listId());
                if (wanted && !choice.subscribed() && contact.get().status() == ContactStatus.SUBSCRIBED) {
                    listManagement.add(choice.listId(), contactId, ConsentMethod.PREFERENCE_CENTRE, origin);
                } else if (!wanted && choice.subscribed()) {
                    listManagement.unsubscribe(choice.listId(), contactId, ConsentMethod.PREFERENCE_CENTRE, origin);
                }
            }
            return true;
        });
    }

    private Preferences preferences(Contact contact) {
        Map<UUID, ListMember> on =
                members.of(contact.id()).stream().collect(Collectors.toMap(ListMember::listId, member -> member));
        List<Choice> choices = lists.page(new UUID(0, 0), PageRequest.MAX_LIMIT).stream()
                .filter(list -> list.visibility() == ListVisibility.PUBLIC || on.containsKey(list.id()))
                .map(list -> new Choice(
                        list.id(),
                        list.name(),
                        list.description(),
                        on.containsKey(list.id()) && on.get(list.id()).status() != MemberStatus.UNSUBSCRIBED))
                .toList();
        String address = contact.email() != null ? contact.email() : contact.displayName();
        return new Preferences(
                address,
                contact.status() != ContactStatus.SUBSCRIBED,
                choices,
                contact.frequency(),
                centres.find().orElse(PreferenceBranding.DEFAULT));
    }

    private Optional<ContactLinks.Target> target(String token) {
        return links.open(ContactLinks.Kind.PREFERENCES, token, clock.instant());
    }
}
