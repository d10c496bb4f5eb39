package io.reach.contacts;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's segments and their builder: conditions added and removed as rows of a form, the
 * number of contacts counted live (htmx posts the form as it changes), the first contacts of a
 * saved segment shown under it. Counting and saving go through {@link SegmentManagement}, so the
 * builder refuses what the API refuses, with the same words.
 */
@Controller
@ConsolePage
@Hidden
public class SegmentsPage {

    private static final String SEGMENTS = "/app/segments";
    private static final Pattern ROW = Pattern.compile("conditions\\[(\\d+)]\\.");

    private final SegmentManagement segments;
    private final ContactFieldManagement fields;
    private final ListManagement lists;

    SegmentsPage(SegmentManagement segments, ContactFieldManagement fields, ListManagement lists) {
        this.segments = segments;
        this.fields = fields;
        this.lists = lists;
    }

    /** The builder: the draft, what its rows may choose from, the count or the refusal, a saved segment's contacts. */
    public record Builder(
            SegmentDraft draft,
            List<ContactField> attributes,
            List<ContactList> lists,
            @Nullable Long count,
            @Nullable String error,
            List<Contact> sample) {

        public static final List<String> TYPES =
                List.of("tag", "field", "attribute", "list", "activity", "active", "visited");
        public static final List<String> FIELDS =
                List.of("email", "phone", "first_name", "last_name", "locale", "time_zone", "status", "source");
    }

    @GetMapping(SEGMENTS)
    @RequiresPermission(resource = "contacts", action = "read")
    String segments(@RequestParam(required = false) @Nullable String cursor, Model model) {
        CursorPage<Segment> page = segments.page(PageRequest.of(100, cursor));
        model.addAttribute("segments", page);
        model.addAttribute("nextLink", page.nextCursor() == null ? null : SEGMENTS + "?cursor=" + page.nextCursor());
        return "contacts/segments";
    }

    @GetMapping(SEGMENTS + "/new")
    @RequiresPermission(resource = "contacts", action = "read")
    String blank(Model model) {
        return builder(model, SegmentDraft.blank(), null, null, List.of());
    }

    @GetMapping(SEGMENTS + "/{id}")
    @RequiresPermission(resource = "contacts", action = "read")
    String segment(@PathVariable UUID id, Model model) {
        SegmentManagement.Counted found = segments.find(id);
        List<Contact> sample = segments.contacts(id, PageRequest.of(20, null)).items();
        return builder(model, SegmentDraft.of(found.segment()), found.contacts(), null, sample);
    }

    /** Adds or removes a row (or follows a type change) and shows the builder again, counted. */
    @PostMapping(path = SEGMENTS + "/builder", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "read")
    String edit(
            @RequestParam(required = false) @Nullable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        SegmentDraft draft = SegmentDraft.of(id, form);
        try {
            return builder(model, draft, segments.count(draft.definition()), null, List.of());
        } catch (ApiException refused) {
            return builder(model, draft, null, problem(refused), List.of());
        }
    }

    /** The live count: a fragment with the number of contacts, or what is wrong with the conditions. */
    @PostMapping(path = SEGMENTS + "/count", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "read")
    String count(@RequestParam MultiValueMap<String, String> form, Model model) {
        SegmentDraft draft = SegmentDraft.of(null, form);
        try {
            model.addAttribute("count", segments.count(draft.definition()));
            model.addAttribute("error", null);
        } catch (ApiException refused) {
            model.addAttribute("count", null);
            model.addAttribute("error", problem(refused));
        }
        return "contacts/segment_count";
    }

    @PostMapping(path = SEGMENTS, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String save(
            @RequestParam(required = false) @Nullable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        SegmentDraft draft = SegmentDraft.of(id, form);
        try {
            SegmentManagement.Counted saved = id == null
                    ? segments.create(draft.name(), draft.definition())
                    : segments.change(id, draft.name(), draft.definition());
            return "redirect:" + SEGMENTS + "/" + saved.segment().id();
        } catch (ApiException refused) {
            response.setStatus(refused.status().value());
            return builder(model, draft, null, problem(refused), List.of());
        }
    }

    @PostMapping(path = SEGMENTS + "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String delete(@PathVariable UUID id) {
        segments.delete(id);
        return "redirect:" + SEGMENTS;
    }

    /** The refusal in the builder's words: {@code conditions[1].value} is "condition 2, value". */
    private static String problem(ApiException refused) {
        return ROW.matcher(FormProblem.of(refused).message())
                .replaceAll(row -> "condition " + (Integer.parseInt(row.group(1)) + 1) + ", ");
    }

    private String builder(
            Model model, SegmentDraft draft, @Nullable Long count, @Nullable String error, List<Contact> sample) {
        model.addAttribute(
                "builder",
                new Builder(
                        draft,
                        fields.all(),
                        lists.page(PageRequest.of(PageRequest.MAX_LIMIT, null)).items(),
                        count,
                        error,
                        sample));
        return "contacts/segment";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink segmentsLink() {
            return new ConsoleLink("Audience", "Segments", SEGMENTS, "contacts", "read", 282);
        }
    }
}
