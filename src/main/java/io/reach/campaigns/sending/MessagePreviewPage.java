package io.reach.campaigns.sending;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
 * The console's preview of an e-mail or SMS campaign as one of its recipients gets it (the first, or
 * the one whose address is searched), and the test message sent to an address of the person's choice.
 */
@Controller
@ConsolePage
@Hidden
public class MessagePreviewPage {

    private final MessageDesks desks;
    private final Sending sending;

    MessagePreviewPage(MessageDesks desks, Sending sending) {
        this.desks = desks;
        this.sending = sending;
    }

    @GetMapping("/app/messages/{id}/preview")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    String preview(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String sent,
            Model model) {
        return page(model, member, id, address, sent, null, null);
    }

    @PostMapping(path = "/app/messages/{id}/test", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    String test(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String to,
            Model model,
            HttpServletResponse response) {
        Channel channel = desks.channelOf(id, member);
        MessageDesk desk = desks.desk(channel);
        Optional<MessageDesk.SendRow> recipient = recipient(channel, id, member, address);
        String target = to == null ? "" : to.strip();
        if (recipient.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, member, id, address, null, target, "Add recipients before sending a test.");
        }
        TenantId tenant = TenantContext.require();
        try {
            sending.forVisible(channel, id, member, () -> {
                desk.sendTest(tenant, id, recipient.get(), target);
                return target;
            });
        } catch (InvalidRequestException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            String words = invalid.errors().stream()
                    .map(error -> "The address " + error.message())
                    .findFirst()
                    .orElse(invalid.getMessage());
            return page(model, member, id, address, null, target, words);
        } catch (ConflictException refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, member, id, address, null, target, refused.title() + ": " + refused.getMessage());
        }
        return "redirect:/app/messages/" + id + "/preview?sent=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + (address == null ? "" : "&address=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
    }

    private Optional<MessageDesk.SendRow> recipient(
            Channel channel, UUID id, UserPrincipal person, @Nullable String address) {
        String search = address == null || address.isBlank() ? null : address.strip();
        return desks.sends(channel, id, person, new UUID(0, 0), 1, search).stream()
                .findFirst();
    }

    private String page(
            Model model,
            UserPrincipal member,
            UUID id,
            @Nullable String address,
            @Nullable String sent,
            @Nullable String to,
            @Nullable String error) {
        Channel channel = desks.channelOf(id, member);
        MessageDesk desk = desks.desk(channel);
        Optional<MessageDesk.SendRow> recipient = recipient(channel, id, member, address);
        model.addAttribute("message", desks.summary(channel, id, member));
        model.addAttribute("address", address);
        model.addAttribute(
                "rendered",
                recipient
                        .map(row -> sending.forVisible(channel, id, member, () -> desk.render(id, row)))
                        .orElse(null));
        model.addAttribute("sendsTests", desk.sendsTests());
        model.addAttribute("sent", sent);
        model.addAttribute("to", to);
        model.addAttribute("error", error);
        return "messaging/preview";
    }
}
