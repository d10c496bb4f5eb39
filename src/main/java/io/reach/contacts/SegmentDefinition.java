package io.reach.contacts;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A segment's saved filter: contacts matching all (or any) of its conditions. A condition is one of
 * <ul>
 *   <li>{@code {"type": "field", "field": "locale", "op": "eq", "value": "fr"}} — a contact column
 *       (email, phone, first_name, last_name, locale, time_zone, status, source) compared with
 *       eq, neq, contains, starts_with, exists or not_exists;
 *   <li>{@code {"type": "attribute", "field": "plan", "op": "eq", "value": "pro"}} — a declared
 *       field, compared as its type: eq, neq, gt, gte, lt, lte (numbers and dates), contains
 *       (text), exists, not_exists;
 *   <li>{@code {"type": "tag", "op": "has", "value": "vip"}} — has or has_not;
 *   <li>{@code {"type": "list", "op": "member", "list_id": "…"}} — a confirmed member (member) or not
 *       (not_member);
 *   <li>{@code {"type": "activity", "op": "did", "kind": "opened", "within_days": 30, "source_id":
 *       "…"}} — did or did_not: sent, opened, clicked, unsubscribed, bounced, … in the last days,
 *       of one campaign if given;
 *   <li>{@code {"type": "active", "within_days": 30}} — opened, clicked, converted, downloaded or
 *       confirmed in the last days;
 *   <li>{@code {"type": "visited", "value": "/pricing", "within_days": 30}} — a page of the
 *       workspace's sites whose address contains the value, visited by the contact (the tracking
 *       script's user id is the contact's id or e-mail address).
 * </ul>
 */
public record SegmentDefinition(String match, List<Map<String, @Nullable Object>> conditions) {

    public static final int MAX_CONDITIONS = 20;

    public SegmentDefinition {
        conditions = List.copyOf(conditions);
    }
}
