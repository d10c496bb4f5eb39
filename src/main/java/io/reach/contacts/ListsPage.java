package io.reach.contacts;

import io.reach.identity.RequestOrigins;
import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
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
 * The console's lists: all of them with a form for a new one, and a list's page (its members by
 * status, its hosted form's address, adding an address, taking a member off, changing or deleting
 * the list). The same {@link ListManagement} as the API, so double opt-in mails its link here too.
 */
@Controller
@ConsolePage
@Hidden
public class ListsPage {

    private static final String LISTS = "/app/lists";

    private final ListManagement lists;
    private final ContactDirectory directory;

    ListsPage(ListManagement lists, ContactDirectory directory) {
        this.lists = lists;
        this.directory = directory;
    }

    /** What a list's page shows: the list, its members under the status asked, and a form's refusal. */
    public record Members(
            ListManagement.ListView view,
            @Nullable String status,
            CursorPage<Contact> contacts,
            @Nullable String nextLink,
            @Nullable String error) {}

    @GetMapping(LISTS)
    @RequiresPermission(resource = "contacts", action = "read")
    String lists(@RequestParam(required = false) @Nullable String cursor, Model model) {
        return overview(model, cursor, null);
    }

    @PostMapping(path = LISTS, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            ContactList list = lists.create(shape(form));
            return "redirect:" + LISTS + "/" + list.id();
        } catch (ApiException refused) {
            return overview(model, null, FormProblem.answer(refused, response));
        }
    }

    @GetMapping(LISTS + "/{id}")
    @RequiresPermission(resource = "contacts", action = "read")
    String list(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        return members(model, id, status, cursor, null);
    }

    @PostMapping(path = LISTS + "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String change(
            @PathVariable UUID id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            lists.change(id, shape(form));
            return "redirect:" + LISTS + "/" + id;
        } catch (ApiException refused) {
            return members(model, id, null, null, FormProblem.answer(refused, response));
        }
    }

    @PostMapping(path = LISTS + "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String delete(@PathVariable UUID id) {
        lists.delete(id);
        return "redirect:" + LISTS;
    }

    @PostMapping(path = LISTS + "/{id}/members", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String add(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String email,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        try {
            lists.addAddress(id, email, RequestOrigins.of(http));
            return "redirect:" + LISTS + "/" + id;
        } catch (ApiException refused) {
            return members(model, id, null, null, FormProblem.answer(refused, response));
        }
    }

    @PostMapping(
            path = LISTS + "/{id}/members/{contact}/unsubscribe",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String unsubscribe(@PathVariable UUID id, @PathVariable UUID contact, HttpServletRequest http) {
        lists.unsubscribe(id, contact, ConsentMethod.CONSOLE, RequestOrigins.of(http));
        return "redirect:" + LISTS + "/" + id;
    }

    /** The list form's fields (name, description, opt_in, visibility) as a list's shape. */
    private static Lists.Shape shape(Map<String, String> form) {
        return Lists.Shape.of(
                form.getOrDefault("name", ""),
                form.get("description"),
                form.getOrDefault("opt_in", "single"),
                form.get("visibility"));
    }

    private String overview(Model model, @Nullable String cursor, @Nullable String error) {
        CursorPage<ContactList> page = lists.page(PageRequest.of(100, cursor));
        model.addAttribute("lists", page);
        model.addAttribute("nextLink", page.nextCursor() == null ? null : LISTS + "?cursor=" + page.nextCursor());
        model.addAttribute("error", error);
        return "contacts/lists";
    }

    private String members(
            Model model, UUID id, @Nullable String status, @Nullable String cursor, @Nullable String error) {
        ListManagement.ListView view = lists.find(id);
        String state = status == null || status.isBlank() ? null : status;
        CursorPage<Contact> contacts =
                directory.page(ContactFilters.of(null, null, id, state, null), PageRequest.of(50, cursor));
        String next = contacts.nextCursor() == null
                ? null
                : LISTS + "/" + id + "?cursor=" + contacts.nextCursor() + (state == null ? "" : "&status=" + state);
        model.addAttribute("members", new Members(view, state, contacts, next, error));
        return "contacts/members";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink listsLink() {
            return new ConsoleLink("Audience", "Lists", LISTS, "contacts", "read", 281);
        }
    }
}
