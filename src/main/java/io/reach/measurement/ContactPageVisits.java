package io.reach.measurement;

import io.reach.contacts.PageVisits;
import org.springframework.stereotype.Component;

/**
 * Segments' "visited a page" from the workspace's own tracker events: a human event (robots left out)
 * on a page whose address is like the pattern, since the time, whose user id is the contact's id or
 * e-mail address (what a site passes to the tracking script once the visitor is known).
 */
@Component
class ContactPageVisits implements PageVisits {

    @Override
    public String visited(String contact, String page, String since) {
        return "exists (select 1 from measurement.trackers t where t.created_at >= " + since
                + " and not t.is_bot and t.user_id in (" + contact + ".id::text, " + contact + ".email)"
                + " and lower(t.page_url) like " + page + ")";
    }
}
