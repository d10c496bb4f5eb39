package io.reach.contacts;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The contacts a campaign sends to when its audience is a list or a segment, as they are at the moment
 * it asks (a campaign asks once, when sending starts, and so freezes its audience): a list's confirmed
 * members, a segment's contacts, in both cases subscribed ones only — an unconfirmed member of a
 * double opt-in list, an unsubscribed, bounced or complaining contact is never among them — and only
 * those whose chosen frequency lets another campaign reach them now. Each comes with the values
 * templates read as {@code {{contact.first_name}}}, {@code {{contact.<field>}}} and
 * {@code {{preferences_url}}}. The campaign then says which it {@link #took}.
 */
@Service
public class Audiences {

    static final int PAGE = 5_000;
    private static final String LIST_MEMBERS = "select " + Contacts.COLUMNS + " from contacts.contacts c"
            + " where c.status = 'subscribed' and c.id < :before and exists (select 1 from contacts.list_members m"
            + " where m.contact_id = c.id and m.list_id = :list and m.status = 'confirmed')"
            + " order by c.id desc limit :limit";

    private static final String TAKEN = """
            update contacts.contacts set last_campaign_at = :now where id in (:ids)""";
    private static final String SENT = """
            insert into contacts.activities (tenant_id, id, contact_id, kind, channel, source_type, source_id, occurred_at)
            select tenant_id, uuidv7(), id, 'sent', :channel, :source_type, :campaign, :now
            from contacts.contacts where id in (:ids)""";

    private final Lists lists;
    private final SegmentManagement segments;
    private final Contacts contacts;
    private final ContactLinks links;
    private final PublicUrl publicUrl;
    private final JdbcClient jdbc;
    private final Clock clock;

    Audiences(
            Lists lists,
            SegmentManagement segments,
            Contacts contacts,
            ContactLinks links,
            PublicUrl publicUrl,
            JdbcClient jdbc,
            Clock clock) {
        this.lists = lists;
        this.segments = segments;
        this.contacts = contacts;
        this.links = links;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A contact as a campaign addresses it. */
    public record Member(
            UUID contactId,
            @Nullable String email,
            @Nullable String phone,
            String name,
            Map<String, String> values) {}

    /** Whether the workspace has the list (a 404 otherwise); in the caller's transaction. */
    public void requireList(UUID id) {
        lists.find(id).orElseThrow(() -> ContactNotFound.listForId(id));
    }

    /** Whether the workspace has the segment (a 404 otherwise); in the caller's transaction. */
    public void requireSegment(UUID id) {
        segments.require(id);
    }

    /** A contact as a campaign would address it (a test rendered for it); a 404 for no such contact. In the caller's transaction. */
    public Member member(UUID contact) {
        return member(
                contacts.find(contact).orElseThrow(() -> ContactNotFound.forId(contact)), TenantContext.require());
    }

    /** The contact with this e-mail address (or number), as a campaign would address it. In the caller's transaction. */
    public Optional<Member> memberWithAddress(ContactChannel channel, String address) {
        List<Contact> holders = channel == ContactChannel.EMAIL
                ? contacts.withAddress(Addresses.normalEmail(address), null)
                : contacts.withAddress(null, Addresses.normalPhone(address));
        return holders.stream().findFirst().map(contact -> member(contact, TenantContext.require()));
    }

    /** The list's confirmed, subscribed members now; in the caller's transaction. */
    public List<Member> ofList(UUID id) {
        requireList(id);
        return collect((before, limit) -> jdbc.sql(LIST_MEMBERS)
                .param("list", id)
                .param("before", before)
                .param("limit", limit)
                .query(Contacts.ROW)
                .list());
    }

    /** The segment's subscribed contacts now; in the caller's transaction. */
    public List<Member> ofSegment(UUID id) {
        return collect((before, limit) -> segments.members(id, before, limit));
    }

    /**
     * The campaign took these contacts into its audience now: each is marked (its frequency counts from
     * now) and its timeline shows the campaign as sent. In the caller's transaction.
     */
    public void took(ContactChannel channel, UUID campaign, List<UUID> contacts) {
        Instant now = clock.instant();
        ActivitySource source =
                channel == ContactChannel.SMS ? ActivitySource.SMS_CAMPAIGN : ActivitySource.EMAIL_CAMPAIGN;
        for (int from = 0; from < contacts.size(); from += PAGE) {
            List<UUID> ids = contacts.subList(from, Math.min(contacts.size(), from + PAGE));
            jdbc.sql(TAKEN).param("ids", ids).param("now", utc(now)).update();
            jdbc.sql(SENT)
                    .param("ids", ids)
                    .param("channel", channel.code())
                    .param("source_type", source.code())
                    .param("campaign", campaign)
                    .param("now", utc(now))
                    .update();
        }
    }

    private interface Pages {
        List<Contact> page(UUID before, int limit);
    }

    private List<Member> collect(Pages pages) {
        Instant now = clock.instant();
        TenantId tenant = TenantContext.require();
        List<Member> members = new ArrayList<>();
        UUID before = new UUID(-1L, -1L);
        while (true) {
            List<Contact> page = pages.page(before, PAGE);
            page.stream()
                    .filter(contact -> contact.status() == ContactStatus.SUBSCRIBED && contact.dueFor(now))
                    .forEach(contact -> members.add(member(contact, tenant)));
            if (page.size() < PAGE) {
                return members;
            }
            before = page.getLast().id();
        }
    }

    private Member member(Contact contact, TenantId tenant) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("preferences_url", publicUrl.base() + links.preferencesPath(tenant, contact.id()));
        contact.attributes().forEach((name, value) -> values.put("contact." + name, String.valueOf(value)));
        put(values, "contact.first_name", contact.firstName());
        put(values, "contact.last_name", contact.lastName());
        put(values, "contact.email", contact.email());
        put(values, "contact.phone", contact.phone());
        put(values, "contact.locale", contact.locale());
        return new Member(contact.id(), contact.email(), contact.phone(), contact.displayName(), values);
    }

    private static void put(Map<String, String> values, String name, @Nullable String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
