package io.reach.contacts;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which contacts a list shows: those with a status, a tag, on a list (with a member status), or
 * whose address, number or name contains a text (at least two characters; found through the
 * trigram index). Nothing given: every contact.
 */
public record ContactFilter(
        @Nullable ContactStatus status,
        @Nullable String tag,
        @Nullable UUID listId,
        @Nullable MemberStatus memberStatus,
        @Nullable String search) {

    public static final ContactFilter NONE = new ContactFilter(null, null, null, null, null);

    /** Appends this filter's conditions on {@code c}, the contacts, to a query that has a where clause. */
    void where(StringBuilder sql) {
        if (status != null) {
            sql.append(" and c.status = :status");
        }
        if (tag != null) {
            sql.append(" and c.tags @> array[cast(:tag as text)]");
        }
        if (listId != null) {
            sql.append(
                    " and exists (select 1 from contacts.list_members m where m.list_id = :list and m.contact_id = c.id");
            if (memberStatus != null) {
                sql.append(" and m.status = :member_status");
            }
            sql.append(')');
        }
        if (search != null) {
            sql.append(" and contacts.search_text(c.email, c.phone, c.first_name, c.last_name) like :search");
        }
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        var bound = spec;
        if (status != null) {
            bound = bound.param("status", status.code());
        }
        if (tag != null) {
            bound = bound.param("tag", tag.strip().toLowerCase(Locale.ROOT));
        }
        if (listId != null) {
            bound = bound.param("list", listId);
            if (memberStatus != null) {
                bound = bound.param("member_status", memberStatus.code());
            }
        }
        if (search != null) {
            bound = bound.param("search", "%" + likeEscaped(search.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return bound;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
