package io.reach.contacts.imports;

import io.reach.contacts.ListManagement;
import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.LargeBodies;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's contact imports: upload a CSV or JSON file (into a list, or as a dry run), follow
 * the import's progress (the page polls while it runs) and read the refused rows by line. The
 * upload goes through {@link ContactImports} exactly as the API's does.
 */
@Controller
@ConsolePage
@Hidden
public class ImportsPage {

    private static final String IMPORTS = "/app/contact-imports";
    private static final int ERRORS_SHOWN = 100;

    private final ContactImports imports;
    private final ListManagement lists;

    ImportsPage(ContactImports imports, ListManagement lists) {
        this.imports = imports;
        this.lists = lists;
    }

    /** An import with the refused rows shown (the first hundred) and whether more were refused. */
    public record Report(ContactImport contactImport, List<ImportError> errors, boolean moreErrors) {

        public boolean running() {
            return contactImport.status() == ImportStatus.QUEUED || contactImport.status() == ImportStatus.RUNNING;
        }
    }

    @GetMapping(IMPORTS)
    @RequiresPermission(resource = "contacts", action = "read")
    String imports(@RequestParam(required = false) @Nullable String cursor, Model model) {
        return overview(model, cursor, null);
    }

    @PostMapping(path = IMPORTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "list_id", required = false) @Nullable UUID listId,
            @RequestParam(name = "dry_run", required = false) @Nullable String dryRun,
            Model model,
            HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return overview(model, null, "Choose a CSV or JSON file to import.");
        }
        try (InputStream body = file.getInputStream()) {
            ContactImport queued = imports.start(
                    formatOf(file),
                    body,
                    dryRun != null,
                    listId,
                    TenantContext.currentUser().orElse(null));
            return "redirect:" + IMPORTS + "/" + queued.id();
        } catch (ApiException refused) {
            return overview(model, null, FormProblem.answer(refused, response));
        }
    }

    @GetMapping(IMPORTS + "/{id}")
    @RequiresPermission(resource = "contacts", action = "read")
    String report(@PathVariable UUID id, Model model) {
        model.addAttribute("report", reportOf(id));
        return "contacts/import";
    }

    /** The progress card alone, which the page polls while the import runs. */
    @GetMapping(IMPORTS + "/{id}/progress")
    @RequiresPermission(resource = "contacts", action = "read")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("report", reportOf(id));
        return "contacts/import_progress";
    }

    private Report reportOf(UUID id) {
        ContactImport found = imports.find(id);
        List<ImportError> errors = imports.errors(id, Long.MIN_VALUE, "", ERRORS_SHOWN + 1);
        return new Report(found, errors.stream().limit(ERRORS_SHOWN).toList(), errors.size() > ERRORS_SHOWN);
    }

    private String overview(Model model, @Nullable String cursor, @Nullable String error) {
        CursorPage<ContactImport> page = imports.page(PageRequest.of(50, cursor));
        model.addAttribute("imports", page);
        model.addAttribute(
                "lists", lists.page(PageRequest.of(PageRequest.MAX_LIMIT, null)).items());
        model.addAttribute("nextLink", page.nextCursor() == null ? null : IMPORTS + "?cursor=" + page.nextCursor());
        model.addAttribute("error", error);
        return "contacts/imports";
    }

    /** JSON when the file says so by its name or type, else CSV (as spreadsheets save it). */
    private static ImportFormat formatOf(MultipartFile file) {
        String original = file.getOriginalFilename();
        String name = original == null ? "" : original.toLowerCase(Locale.ROOT);
        String type = file.getContentType();
        return name.endsWith(".json") || (type != null && type.startsWith(MediaType.APPLICATION_JSON_VALUE))
                ? ImportFormat.JSON
                : ImportFormat.CSV;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink importsLink() {
            return new ConsoleLink("Audience", "Imports", IMPORTS, "contacts", "read", 283);
        }

        @Bean
        LargeBodies consoleImportBodies() {
            return () -> Map.of(IMPORTS, ContactImportController.MAX_BYTES);
        }
    }
}
