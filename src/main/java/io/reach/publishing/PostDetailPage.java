package io.reach.publishing;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A post's console page: its variants, status and each publish job's attempts, with the workflow's
 * next steps (submit, approve or send back, schedule, cancel). A step the workflow refuses, such as
 * approving one's own post, is shown on the page with the refusal's words.
 */
@Controller
@ConsolePage
@Hidden
class PostDetailPage {

    private static final String PATH = "/app/publishing/posts/{id}";

    private final PostDetailView views;
    private final PostWorkflow workflow;
    private final PostPlans plans;

    PostDetailPage(PostDetailView views, PostWorkflow workflow, PostPlans plans) {
        this.views = views;
        this.workflow = workflow;
        this.plans = plans;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    String post(@PathVariable UUID id, Model model) {
        return page(model, id, null, Map.of());
    }

    @PostMapping(path = PATH + "/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    String submit(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, Model model, HttpServletResponse response) {
        return step(id, model, response, () -> workflow.submit(member, id));
    }

    @PostMapping(path = PATH + "/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    String approve(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, Model model, HttpServletResponse response) {
        return step(id, model, response, () -> plans.approve(member, id));
    }

    @PostMapping(path = PATH + "/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    String reject(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, id, null, Map.of("reason", "Say why it goes back (up to 1000 characters)."));
        }
        return step(id, model, response, () -> workflow.reject(member, id, why));
    }

    @PostMapping(path = PATH + "/schedule", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    String schedule(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(name = "publish_at", required = false) @Nullable String publishAt,
            Model model,
            HttpServletResponse response) {
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(publishAt == null ? "" : publishAt.strip());
        } catch (DateTimeParseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, id, null, Map.of("publish_at", "Give a date and time such as 2026-12-24T09:30."));
        }
        return step(id, model, response, () -> plans.schedule(member, id, at));
    }

    @PostMapping(path = PATH + "/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    String cancel(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, Model model, HttpServletResponse response) {
        return step(id, model, response, () -> workflow.cancel(member, id));
    }

    /** Takes the step and shows the post; a refusal (not a missing post) is shown on the page with its status. */
    private String step(UUID id, Model model, HttpServletResponse response, Supplier<Post> step) {
        try {
            step.get();
            return "redirect:/app/publishing/posts/" + id;
        } catch (ApiException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            return page(model, id, refused.getMessage(), Map.of());
        } catch (AccessDeniedException refused) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return page(model, id, refused.getMessage(), Map.of());
        }
    }

    private String page(Model model, UUID id, @Nullable String refusal, Map<String, String> errors) {
        model.addAttribute("post", views.of(id));
        model.addAttribute("refusal", refusal);
        model.addAttribute("errors", errors);
        return "publishing/post";
    }
}
