package io.reach.campaigns;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's campaign list: the workspace's campaigns newest first, searchable by name, each with its
 * status, stage and how much of its budget is spent; and the form that creates a draft. The same
 * {@link CampaignManagement} as the API, so the same rules, quota and audit.
 */
@Controller
@ConsolePage
@Hidden
public class CampaignsPage {

    static final int PAGE_SIZE = 25;

    /** One campaign as the list shows it; amounts as plain numbers for the budget meter. */
    public record Row(
            UUID id, String name, String status, String stage, String spent, String allocated, String currency) {

        static Row of(Campaign campaign) {
            return new Row(
                    campaign.id(),
                    campaign.brief().name(),
                    campaign.status().code(),
                    campaign.stage().stage().code(),
                    campaign.budget().spent().toPlainString(),
                    campaign.budget().allocated().toPlainString(),
                    campaign.budget().currency());
        }
    }

    /** What the list page shows: one page of rows, the search, the next page's address and the create form. */
    public record View(
            List<Row> rows,
            Search search,
            @Nullable String nextPage,
            CampaignForm form,
            Map<String, String> errors,
            List<String> stages,
            List<String> statuses,
            boolean mayWrite) {}

    /** What the list is narrowed to: part of a name and a status (empty: any). */
    public record Search(String name, String status) {

        static Search of(@Nullable String name, @Nullable String status) {
            return new Search(name == null ? "" : name.strip(), status == null ? "" : status);
        }

        public boolean any() {
            return name.isEmpty() && status.isEmpty();
        }

        String query() {
            return "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&status="
                    + URLEncoder.encode(status, StandardCharsets.UTF_8);
        }
    }

    private final CampaignManagement campaigns;
    private final Validator validator;
    private final ConsoleAbilities abilities;

    CampaignsPage(CampaignManagement campaigns, Validator validator, ConsoleAbilities abilities) {
        this.campaigns = campaigns;
        this.validator = validator;
        this.abilities = abilities;
    }

    @GetMapping("/app/campaigns")
    @RequiresPermission(resource = "campaigns", action = "read")
    String list(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        return page(model, Search.of(name, status), cursor, CampaignForm.blank(), Map.of());
    }

    @PostMapping(path = "/app/campaigns", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "campaigns", action = "write")
    String create(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(name = "start_date", required = false) @Nullable String startDate,
            @RequestParam(name = "end_date", required = false) @Nullable String endDate,
            @RequestParam(name = "budget_allocated", required = false) @Nullable String budgetAllocated,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String stage,
            Model model,
            HttpServletResponse response) {
        CampaignForm form = CampaignForm.typed(name, description, startDate, endDate, budgetAllocated, currency, stage);
        Map<String, String> errors = new LinkedHashMap<>();
        var request = form.request(errors, null);
        FormErrors.checked(validator, request).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                UUID id = campaigns.create(member.userId(), CampaignController.details(request));
                return "redirect:/app/campaigns/" + id;
            } catch (InvalidRequestException refused) {
                FormErrors.add(errors, refused, field -> field);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, Search.of(null, null), null, form, errors);
    }

    private String page(
            Model model, Search search, @Nullable String cursor, CampaignForm form, Map<String, String> errors) {
        PageRequest request = PageRequest.of(PAGE_SIZE, cursor);
        CampaignStatus status = search.status().isEmpty() ? null : CampaignStatus.ofCode(search.status());
        CursorPage<Row> rows = CursorPage.of(
                        campaigns.page(request.beforeOrEnd(), request.fetchSize(), status, search.name()),
                        request,
                        Campaign::id)
                .map(Row::of);
        model.addAttribute(
                "view",
                new View(
                        rows.items(),
                        search,
                        rows.nextCursor() == null
                                ? null
                                : "/app/campaigns?" + search.query() + "&cursor=" + rows.nextCursor(),
                        form,
                        errors,
                        stageCodes(),
                        Arrays.stream(CampaignStatus.values())
                                .map(CampaignStatus::code)
                                .toList(),
                        abilities.holds("campaigns", "write")));
        return "campaigns/campaigns";
    }

    static List<String> stageCodes() {
        return Arrays.stream(CampaignStage.values()).map(CampaignStage::code).toList();
    }
}
