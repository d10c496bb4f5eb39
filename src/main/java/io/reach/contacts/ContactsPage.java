package io.reach.contacts;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's contacts: the list (newest first, searched by a text in the address, number or
 * name, filtered by status or tag, paged) and a contact's page (details, attributes, lists, consent
 * records, timeline). The same services and the same checks as the API.
 */
@Controller
@ConsolePage
@Hidden
public class ContactsPage {

    private final ContactDirectory directory;
    private final ListManagement lists;

    ContactsPage(ContactDirectory directory, ListManagement lists) {
        this.directory = directory;
        this.lists = lists;
    }

    /** What the list shows and was asked. */
    public record Listing(
            CursorPage<Contact> contacts,
            @Nullable String search,
            @Nullable String status,
            @Nullable String tag,
            @Nullable String nextLink) {}

    /** A contact with its lists (by name), consent records and latest activity. */
    public record Detail(
            Contact contact,
            Map<UUID, String> listNames,
            java.util.List<ListMember> memberships,
            java.util.List<Consent> consents,
            CursorPage<Activity> timeline) {}

    @GetMapping("/app/contacts")
    @RequiresPermission(resource = "contacts", action = "read")
    String list(
            @RequestParam(name = "q", required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        String text = blankToNull(search);
        String state = blankToNull(status);
        String tagged = blankToNull(tag);
        CursorPage<Contact> contacts =
                directory.page(ContactFilters.of(state, tagged, null, null, text), PageRequest.of(50, cursor));
        String next = contacts.nextCursor() == null
                ? null
                : "/app/contacts?cursor=" + contacts.nextCursor() + query("q", text) + query("status", state)
                        + query("tag", tagged);
        model.addAttribute("listing", new Listing(contacts, text, state, tagged, next));
        return "contacts/list";
    }

    @GetMapping("/app/contacts/{id}")
    @RequiresPermission(resource = "contacts", action = "read")
    String contact(@PathVariable UUID id, Model model) {
        Contact contact = directory.find(id);
        Map<UUID, String> names = lists.page(PageRequest.of(PageRequest.MAX_LIMIT, null)).items().stream()
                .collect(Collectors.toMap(ContactList::id, ContactList::name, (a, b) -> a));
        model.addAttribute(
                "detail",
                new Detail(
                        contact,
                        names,
                        directory.memberships(id),
                        directory.consents(id),
                        directory.timeline(id, PageRequest.of(50, null))));
        return "contacts/contact";
    }

    private static String query(String name, @Nullable String value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink contactsLink() {
            return new ConsoleLink("Audience", "Contacts", "/app/contacts", "contacts", "read", 280);
        }
    }
}
