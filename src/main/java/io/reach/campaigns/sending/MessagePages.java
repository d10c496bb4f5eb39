package io.reach.campaigns.sending;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's e-mail and SMS campaigns: the list of both, one campaign with its live progress
 * (a fragment htmx polls while it sends) and the moves the API allows (send, pause, resume,
 * cancel), and its recipients' sends searchable by address.
 */
@Controller
@ConsolePage
@Hidden
public class MessagePages {

    private final MessageDesks desks;
    private final Sending sending;

    MessagePages(MessageDesks desks, Sending sending) {
        this.desks = desks;
        this.sending = sending;
    }

    @GetMapping("/app/messages")
    @RequiresPermission(resource = "campaign_sends", action = "read")
    String list(@SignedInMember UserPrincipal member, PageRequest page, Model model) {
        model.addAttribute(
                "page",
                CursorPage.of(desks.page(member, page.beforeOrEnd(), page.fetchSize()), page, MessageDesk.Summary::id));
        return "messaging/list";
    }

    @GetMapping("/app/messages/{id}")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    String detail(@SignedInMember UserPrincipal member, @PathVariable UUID id, Model model) {
        return detail(model, member, id, null);
    }

    @GetMapping("/app/messages/{id}/progress")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    String progress(@SignedInMember UserPrincipal member, @PathVariable UUID id, Model model) {
        progressOf(model, member, id);
        return "messaging/progress";
    }

    @PostMapping("/app/messages/{id}/{move:send|pause|resume|cancel}")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    String move(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @PathVariable String move,
            Model model,
            HttpServletResponse response) {
        Channel channel = desks.channelOf(id, member);
        MessageDesk desk = desks.desk(channel);
        try {
            switch (move) {
                case "send" -> sending.send(channel, id, member, desk::requireCarrier, desk::content);
                case "pause" -> sending.pause(channel, id, member);
                case "resume" -> {
                    desk.requireCarrier();
                    sending.resume(channel, id, member);
                }
                default -> sending.cancel(channel, id, member);
            }
        } catch (ConflictException refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return detail(model, member, id, refused.title() + ": " + refused.getMessage());
        }
        return "redirect:/app/messages/" + id;
    }

    @GetMapping("/app/messages/{id}/sends")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    String sends(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(name = "q", required = false) @Nullable String address,
            PageRequest page,
            Model model) {
        Channel channel = desks.channelOf(id, member);
        String search = address == null || address.isBlank() ? null : address.strip();
        model.addAttribute("message", desks.summary(channel, id, member));
        CursorPage<MessageDesk.SendRow> sends = CursorPage.of(
                desks.sends(channel, id, member, page.afterOrStart(), page.fetchSize(), search),
                page,
                MessageDesk.SendRow::id);
        model.addAttribute("q", search);
        model.addAttribute("page", sends);
        model.addAttribute(
                "nextLink",
                sends.nextCursor() == null
                        ? null
                        : "/app/messages/" + id + "/sends?cursor=" + sends.nextCursor()
                                + (search == null ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)));
        return "messaging/sends";
    }

    private String detail(Model model, UserPrincipal member, UUID id, @Nullable String error) {
        progressOf(model, member, id);
        model.addAttribute("error", error);
        return "messaging/detail";
    }

    private void progressOf(Model model, UserPrincipal member, UUID id) {
        Channel channel = desks.channelOf(id, member);
        model.addAttribute("message", desks.summary(channel, id, member));
        model.addAttribute("tally", desks.tally(channel, id, member));
    }
}
