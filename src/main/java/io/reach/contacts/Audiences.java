package io.reach.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The contacts a campaign sends to when its audience is a list or a segment, as they are at the moment
 * it asks (a campaign asks once, when sending starts, and so freezes its audience): a list's confirmed
 * members, a segment's contacts, in both cases subscribed ones only — an unconfirmed member of a
 * double opt-in list, an unsubscribed, bounced or complaining contact is never among them. Each comes
 * with the values templates read as {@code {{contact.first_name}}}, {@code {{contact.<field>}}}.
 */
@Service
public class Audiences {

    static final int PAGE = 5_000;
    private static final String LIST_MEMBERS = "select " + Contacts.COLUMNS + " from contacts.contacts c"
            + " where c.status = 'subscribed' and c.id < :before and exists (select 1 from contacts.list_members m"
            + " where m.contact_id = c.id and m.list_id = :list and m.status = 'confirmed')"
            + " order by c.id desc limit :limit";

    private final Lists lists;
    private final SegmentManagement segments;
    private final JdbcClient jdbc;

    Audiences(Lists lists, SegmentManagement segments, JdbcClient jdbc) {
        this.lists = lists;
        this.segments = segments;
        this.jdbc = jdbc;
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

    private interface Pages {
        List<Contact> page(UUID before, int limit);
    }

    private static List<Member> collect(Pages pages) {
        List<Member> members = new ArrayList<>();
        UUID before = new UUID(-1L, -1L);
        while (true) {
            List<Contact> page = pages.page(before, PAGE);
            page.stream()
                    .filter(contact -> contact.status() == ContactStatus.SUBSCRIBED)
                    .forEach(contact -> members.add(member(contact)));
            if (page.size() < PAGE) {
                return members;
            }
            before = page.getLast().id();
        }
    }

    private static Member member(Contact contact) {
        Map<String, String> values = new LinkedHashMap<>();
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
