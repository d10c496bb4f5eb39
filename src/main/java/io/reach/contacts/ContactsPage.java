package io.reach.contacts;

import io.reach.identity.RequestOrigins;
import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
    private final PreferenceCentre preferences;

    ContactsPage(ContactDirectory directory, ListManagement lists, PreferenceCentre preferences) {
        this.directory = directory;
        this.lists = lists;
        this.preferences = preferences;
    }

    /** What the list shows and was asked. */
    public record Listing(
            CursorPage<Contact> contacts,
            @Nullable String search,
            @Nullable String status,
            @Nullable String tag,
            @Nullable String nextLink) {}

    /** A contact with its lists (by name), consent records, latest activity, preference link and a form's refusal. */
    public record Detail(
            Contact contact,
            Map<UUID, String> listNames,
            java.util.List<ListMember> memberships,
            java.util.List<Consent> consents,
            CursorPage<Activity> timeline,
            String preferencesLink,
            @Nullable String error) {}

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
        return detail(model, id, null);
    }

    /** Unsubscribes the contact from everything (status and every list), recorded as a withdrawal by the member. */
    @PostMapping(path = "/app/contacts/{id}/unsubscribe", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String unsubscribe(@PathVariable UUID id, HttpServletRequest http) {
        directory.unsubscribe(id, ContactChannel.EMAIL, ConsentMethod.CONSOLE, RequestOrigins.of(http));
        return "redirect:/app/contacts/" + id;
    }

    /** Subscribes the contact again on a member's word (the contact asked), recorded as a grant. */
    @PostMapping(path = "/app/contacts/{id}/resubscribe", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String resubscribe(@PathVariable UUID id, HttpServletRequest http) {
        directory.resubscribe(id, ContactChannel.EMAIL, ConsentMethod.CONSOLE, RequestOrigins.of(http));
        return "redirect:/app/contacts/" + id;
    }

    /** Merges the contact with this address (the duplicate) into this one. */
    @PostMapping(path = "/app/contacts/{id}/merge", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String merge(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String duplicate,
            Model model,
            HttpServletResponse response) {
        try {
            Contact gone = directory
                    .withAddress(duplicate.startsWith("+") ? ContactChannel.SMS : ContactChannel.EMAIL, duplicate)
                    .orElseThrow(() -> new InvalidRequestException(
                            new FieldError("duplicate", "no contact has the address or number " + duplicate)));
            directory.merge(id, gone.id());
            return "redirect:/app/contacts/" + id;
        } catch (ApiException refused) {
            return detail(model, id, FormProblem.answer(refused, response));
        }
    }

    private String detail(Model model, UUID id, @Nullable String error) {
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
                        directory.timeline(id, PageRequest.of(50, null)),
                        preferences.link(id),
                        error));
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
