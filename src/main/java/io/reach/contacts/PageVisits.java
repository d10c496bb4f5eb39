package io.reach.contacts;

/**
 * What a segment asks of the workspace's own website events (the measurement module answers): an
 * SQL condition, true when the contact {@code contact} (an alias of contacts.contacts) visited a page
 * whose address is like the bound parameter {@code page} since the bound parameter {@code since}.
 */
public interface PageVisits {

    String visited(String contact, String page, String since);
}
