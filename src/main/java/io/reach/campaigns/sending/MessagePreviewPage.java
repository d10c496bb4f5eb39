package io.reach.campaigns.sending;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    private final TestSends tests;

    MessagePreviewPage(MessageDesks desks, Sending sending, TestSends tests) {
        this.desks = desks;
        this.sending = sending;
        this.tests = tests;
    }

    /** Whom the page renders for, as asked: a contact by address, else the recipient whose address contains a text. */
    public record Asked(@Nullable String address, @Nullable String contact) {

        TestSends.For whom() {
            return new TestSends.For(null, blankToNull(contact), blankToNull(address));
        }

        String query() {
            return (address == null ? "" : "&address=" + URLEncoder.encode(address, StandardCharsets.UTF_8))
                    + (contact == null ? "" : "&contact=" + URLEncoder.encode(contact, StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/app/messages/{id}/preview")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    String preview(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String contact,
            @RequestParam(required = false) @Nullable String sent,
            Model model,
            HttpServletResponse response) {
        return page(model, response, member, id, new Asked(address, contact), sent, null, null);
    }

    @PostMapping(path = "/app/messages/{id}/test", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    String test(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String contact,
            @RequestParam(required = false) @Nullable String to,
            Model model,
            HttpServletResponse response) {
        Channel channel = desks.channelOf(id, member);
        Asked asked = new Asked(address, contact);
        String target = to == null ? "" : to.strip();
        try {
            tests.send(channel, id, member, asked.whom(), List.of(target.split("[,;\\s]+")));
        } catch (ApiException refused) {
            return page(model, response, member, id, asked, null, target, FormProblem.answer(refused, response));
        }
        return "redirect:/app/messages/" + id + "/preview?sent=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + asked.query();
    }

    private String page(
            Model model,
            HttpServletResponse response,
            UserPrincipal member,
            UUID id,
            Asked asked,
            @Nullable String sent,
            @Nullable String to,
            @Nullable String error) {
        Channel channel = desks.channelOf(id, member);
        MessageDesk desk = desks.desk(channel);
        MessageDesk.Rendered rendered = null;
        String problem = error;
        try {
            rendered = sending.forVisible(
                    channel,
                    id,
                    member,
                    () -> tests.rowFor(channel, id, asked.whom())
                            .map(row -> desk.render(id, row))
                            .orElse(null));
        } catch (ApiException refused) {
            problem = FormProblem.answer(refused, response);
        }
        model.addAttribute("message", desks.summary(channel, id, member));
        model.addAttribute("asked", asked);
        model.addAttribute("rendered", rendered);
        model.addAttribute("sendsTests", desk.sendsTests());
        model.addAttribute("sent", sent);
        model.addAttribute("to", to);
        model.addAttribute("error", problem);
        return "messaging/preview";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
