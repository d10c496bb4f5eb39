package io.reach.campaigns.sending;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.Codes;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's first steps of a new e-mail or SMS campaign: the message (a campaign, a template, a
 * sender), then recipients from a CSV file with a row-by-row report. The same services and checks as
 * the API's create and CSV recipient endpoints.
 */
@Controller
@ConsolePage
@Hidden
public class MessageCreatePages {

    /** The largest CSV file the console takes (the request itself stays under the server's 1 MB limit). */
    static final int MAX_CSV_BYTES = 900 * 1024;

    /** The create form's values, given back with its errors. */
    public record Form(
            String channel,
            @Nullable String campaignId,
            @Nullable String templateId,
            @Nullable String sender,
            @Nullable String senderName) {}

    private final MessageDesks desks;
    private final Sending sending;

    MessageCreatePages(MessageDesks desks, Sending sending) {
        this.desks = desks;
        this.sending = sending;
    }

    @GetMapping("/app/messages/new")
    @RequiresPermission(resource = "campaign_sends", action = "write")
    String form(@RequestParam(defaultValue = "email") String channel, Model model) {
        Channel chosen = Codes.of(Channel.class, channel, "channel");
        return form(model, new Form(chosen.code(), null, null, null, null), Map.of());
    }

    @PostMapping(path = "/app/messages/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "campaign_sends", action = "write")
    String create(
            @SignedInMember UserPrincipal member,
            @RequestParam(defaultValue = "email") String channel,
            @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaignId,
            @RequestParam(name = "template_id", required = false) @Nullable UUID templateId,
            @RequestParam(required = false) @Nullable String sender,
            @RequestParam(name = "sender_name", required = false) @Nullable String senderName,
            Model model,
            HttpServletResponse response) {
        Channel chosen = Codes.of(Channel.class, channel, "channel");
        Form given = new Form(
                chosen.code(),
                campaignId == null ? null : campaignId.toString(),
                templateId == null ? null : templateId.toString(),
                sender,
                senderName);
        Map<String, String> errors = new LinkedHashMap<>();
        if (campaignId == null) {
            errors.put("campaign_id", "Choose the campaign this message belongs to.");
        }
        if (templateId == null) {
            errors.put("template_id", "Choose a template.");
        }
        if (campaignId != null && templateId != null) {
            try {
                UUID id = desks.desk(chosen)
                        .create(
                                member,
                                new MessageDesk.Draft(
                                        campaignId, templateId, orEmpty(sender), blankToNull(senderName)));
                return "redirect:/app/messages/" + id + "/recipients";
            } catch (InvalidRequestException invalid) {
                invalid.errors()
                        .forEach(error -> errors.merge(
                                fieldOf(error.field()), error.message(), (first, next) -> first + "; " + next));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, given, errors);
    }

    @GetMapping("/app/messages/{id}/recipients")
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    String recipients(@SignedInMember UserPrincipal member, @PathVariable UUID id, Model model) {
        return recipients(model, member, id, null, Map.of());
    }

    @PostMapping(path = "/app/messages/{id}/recipients", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(resource = "campaign_sends", action = "write", idVariable = "id")
    String upload(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(name = "csv", required = false) @Nullable MultipartFile csv,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Channel channel = desks.channelOf(id, member);
        if (csv == null || csv.isEmpty()) {
            return refused(model, member, id, response, "Choose a CSV file with a header row.");
        }
        if (csv.getSize() > MAX_CSV_BYTES) {
            return refused(
                    model, member, id, response, "The file is larger than 900 KB: split it and upload each part.");
        }
        try {
            String text = new String(csv.getBytes(), StandardCharsets.UTF_8);
            Sending.Added added =
                    sending.add(channel, id, member, Recipients.csv(text, channel), desks.desk(channel)::content);
            return recipients(model, member, id, RecipientReport.of(added), Map.of());
        } catch (InvalidRequestException invalid) {
            String message = invalid.errors().stream()
                    .map(error -> error.field() + " " + error.message())
                    .reduce((first, next) -> first + "; " + next)
                    .orElse(invalid.getMessage());
            return refused(model, member, id, response, "The file " + message.replaceFirst("^csv ", ""));
        } catch (ConflictException refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return recipients(model, member, id, null, Map.of("csv", refused.title() + ": " + refused.getMessage()));
        }
    }

    private String refused(Model model, UserPrincipal member, UUID id, HttpServletResponse response, String error) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return recipients(model, member, id, null, Map.of("csv", error));
    }

    private String recipients(
            Model model, UserPrincipal member, UUID id, @Nullable RecipientReport report, Map<String, String> errors) {
        Channel channel = desks.channelOf(id, member);
        model.addAttribute("message", desks.summary(channel, id, member));
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        return "messaging/recipients";
    }

    private String form(Model model, Form form, Map<String, String> errors) {
        Channel channel = Codes.of(Channel.class, form.channel(), "channel");
        model.addAttribute("form", form);
        model.addAttribute("choices", desks.choices(channel));
        model.addAttribute("errors", errors);
        return "messaging/new";
    }

    /** The form field a service's error names: both senders are the form's {@code sender}. */
    private static String fieldOf(String field) {
        return field.startsWith("sender_") && !field.equals("sender_name") ? "sender" : field;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
