package io.reach.publishing;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The approval queue: submitted posts the signed-in owner or admin may approve (never their own),
 * a page at a time, each with its variants, an approve button and a send-back form with a reason.
 */
@Controller
@ConsolePage
@Hidden
public class ApprovalsPage {

    private static final int PAGE_SIZE = 20;

    /** A post waiting for approval. */
    public record Waiting(PostDetailView.Detail post) {}

    private final PostWorkflow workflow;
    private final PostDetailView views;

    ApprovalsPage(PostWorkflow workflow, PostDetailView views) {
        this.workflow = workflow;
        this.views = views;
    }

    @GetMapping("/app/publishing/approvals")
    @RequiresPermission(resource = "posts", action = "read")
    String approvals(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String cursor,
            Model model,
            HttpServletResponse response) {
        CursorPage<Post> page;
        String refusal = null;
        try {
            page = workflow.awaitingApproval(member, PageRequest.of(PAGE_SIZE, cursor));
        } catch (AccessDeniedException refused) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            page = new CursorPage<>(List.of(), null);
            refusal = refused.getMessage();
        }
        List<Waiting> waiting = page.items().stream()
                .map(Post::id)
                .map(id -> new Waiting(views.of(id)))
                .toList();
        model.addAttribute("waiting", waiting);
        model.addAttribute("next", page.nextCursor());
        model.addAttribute("refusal", refusal);
        return "publishing/approvals";
    }
}
