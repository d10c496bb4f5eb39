package io.reach.campaigns;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's page of one campaign: edit its details, record a spend, move its status and stage,
 * and see and change who takes part. Each form calls the same {@link CampaignManagement} use case as
 * its API twin; a refusal is shown on the page (400 for bad input, 409 for a move the campaign refuses).
 */
@Controller
@ConsolePage
@Hidden
public class CampaignPage {

    private static final String MEDIA = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

    private final CampaignManagement campaigns;
    private final CampaignDetail details;
    private final Validator validator;
    private final ConsoleAbilities abilities;

    CampaignPage(
            CampaignManagement campaigns, CampaignDetail details, Validator validator, ConsoleAbilities abilities) {
        this.campaigns = campaigns;
        this.details = details;
        this.validator = validator;
        this.abilities = abilities;
    }

    @GetMapping("/app/campaigns/{id}")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    String show(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String entries,
            @RequestParam(required = false) @Nullable String participants,
            Model model) {
        model.addAttribute("view", view(member, id, entries, participants, CampaignDetail.Typed.nothing()));
        return "campaigns/campaign";
    }

    @PostMapping(path = "/app/campaigns/{id}", consumes = MEDIA)
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    String edit(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(name = "start_date", required = false) @Nullable String startDate,
            @RequestParam(name = "end_date", required = false) @Nullable String endDate,
            @RequestParam(name = "budget_allocated", required = false) @Nullable String budgetAllocated,
            @RequestParam(required = false) @Nullable String currency,
            Model model,
            HttpServletResponse response) {
        CampaignForm form = CampaignForm.typed(name, description, startDate, endDate, budgetAllocated, currency, "");
        Map<String, String> errors = new LinkedHashMap<>();
        var request = form.request(errors, campaigns.get(id).setup());
        FormErrors.checked(validator, request).forEach(errors::putIfAbsent);
        var typed = new CampaignDetail.Typed(form, errors, null, "", "");
        return act(member, id, typed, model, response, () -> campaigns.update(id, CampaignController.details(request)));
    }

    @PostMapping(path = "/app/campaigns/{id}/spend", consumes = MEDIA)
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    String spend(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            HttpServletResponse response) {
        String typedAmount = amount == null ? "" : amount;
        String typedNote = note == null ? "" : note;
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal value = CampaignForm.amount(typedAmount, "amount", errors);
        if (value == null) {
            errors.putIfAbsent("amount", "must be an amount such as 1200.50");
        }
        var request = new CampaignController.Spend(
                value == null ? BigDecimal.ZERO : value, typedNote.isBlank() ? null : typedNote.strip());
        FormErrors.checked(validator, request).forEach(errors::putIfAbsent);
        var typed = new CampaignDetail.Typed(null, errors, null, typedAmount, typedNote);
        return act(member, id, typed, model, response, () -> {
            campaigns.spend(member.userId(), id, request.amount(), request.note());
        });
    }

    @PostMapping(path = "/app/campaigns/{id}/status", consumes = MEDIA)
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    String status(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String status,
            Model model,
            HttpServletResponse response) {
        return act(
                member,
                id,
                model,
                response,
                () -> campaigns.moveTo(id, CampaignStatus.ofCode(status == null ? "" : status)));
    }

    @PostMapping(path = "/app/campaigns/{id}/stage", consumes = MEDIA)
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    String stage(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String stage,
            Model model,
            HttpServletResponse response) {
        return act(
                member,
                id,
                model,
                response,
                () -> campaigns.enterStage(id, CampaignStage.ofCode(stage == null ? "" : stage)));
    }

    @PostMapping(path = "/app/campaigns/{id}/participants", consumes = MEDIA)
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    String join(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, Model model, HttpServletResponse response) {
        return act(member, id, model, response, () -> campaigns.join(member, id));
    }

    @PostMapping(path = "/app/campaigns/{id}/participants/{retailerId}/remove", consumes = MEDIA)
    @RequiresPermission(resource = "campaigns", action = "write", idVariable = "id")
    String remove(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @PathVariable UUID retailerId,
            Model model,
            HttpServletResponse response) {
        return act(member, id, model, response, () -> campaigns.removeParticipant(id, retailerId));
    }

    /** A button without a form: runs the use case and goes back to the campaign, or shows why it was refused. */
    private String act(UserPrincipal member, UUID id, Model model, HttpServletResponse response, Runnable useCase) {
        return act(member, id, CampaignDetail.Typed.nothing(), model, response, useCase);
    }

    /**
     * Runs the use case when the form had no errors and goes back to the campaign; otherwise shows the
     * page again with what was typed and why it was refused.
     */
    private String act(
            UserPrincipal member,
            UUID id,
            CampaignDetail.Typed typed,
            Model model,
            HttpServletResponse response,
            Runnable useCase) {
        Map<String, String> errors = new LinkedHashMap<>(typed.errors());
        String refusal = null;
        int status = HttpServletResponse.SC_BAD_REQUEST;
        if (errors.isEmpty()) {
            try {
                useCase.run();
                return "redirect:/app/campaigns/" + id;
            } catch (InvalidRequestException refused) {
                FormErrors.add(errors, refused, field -> field);
            } catch (ConflictException refused) {
                refusal = refused.getMessage();
                status = HttpServletResponse.SC_CONFLICT;
            }
        }
        response.setStatus(status);
        var shown = new CampaignDetail.Typed(typed.form(), errors, refusal, typed.amount(), typed.note());
        model.addAttribute("view", view(member, id, null, null, shown));
        return "campaigns/campaign";
    }

    private CampaignDetail.View view(
            UserPrincipal member,
            UUID id,
            @Nullable String entries,
            @Nullable String participants,
            CampaignDetail.Typed typed) {
        boolean mayJoin = member.role().equals("retailer") && abilities.holds("campaign_sends", "write");
        return details.of(
                id, member.tenantId(), abilities.holds("campaigns", "write"), mayJoin, entries, participants, typed);
    }
}
