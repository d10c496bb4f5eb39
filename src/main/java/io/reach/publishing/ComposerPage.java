package io.reach.publishing;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The console's composer: one variant per picked account, each checked against its platform's
 * limits (shown live by {@code /console/publishing.js} from the limits this page renders), media
 * by web address, a planned local time in the workspace's zone; saved as a draft or submitted.
 */
@Controller
@ConsolePage
@Hidden
public class ComposerPage {

    /** One account's part of the form, with the platform's limits for the live counters. */
    public record AccountForm(
            UUID id,
            String name,
            String platform,
            String platformName,
            String status,
            int maxText,
            int minMedia,
            int maxMedia,
            boolean picked,
            String text,
            String media) {}

    private static final String ACCOUNT = "account-";
    private static final Pattern VARIANT_FIELD = Pattern.compile("variants\\[(\\d+)]\\.(\\w+).*");

    private final PostPlans plans;
    private final WritableAccounts writable;
    private final WorkspaceZone zone;

    ComposerPage(PostPlans plans, WritableAccounts writable, WorkspaceZone zone) {
        this.plans = plans;
        this.writable = writable;
        this.zone = zone;
    }

    @GetMapping("/app/publishing/new")
    @RequiresPermission(resource = "posts", action = "write")
    String form(Model model) {
        return page(model, new LinkedMultiValueMap<>(), Map.of());
    }

    @PostMapping(path = "/app/publishing/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "posts", action = "write")
    String compose(
            @SignedInMember UserPrincipal member,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<UUID> picked = picked(form);
        if (picked.isEmpty() || picked.size() > 20) {
            errors.put("accounts", "Pick between 1 and 20 accounts to write for.");
        }
        String title = value(form, "title").strip();
        if (title.length() > 200) {
            errors.put("title", "Keep the title under 200 characters.");
        }
        LocalDateTime publishAt = publishAt(value(form, "publish_at"), errors);
        List<PostWorkflow.VariantInput> variants = new ArrayList<>();
        for (UUID account : picked) {
            String text = value(form, "text-" + account);
            if (text.length() > 100_000) {
                errors.put("text-" + account, "Keep the text under 100,000 characters.");
            }
            try {
                MediaUrls media = MediaUrls.of(value(form, "media-" + account));
                variants.add(new PostWorkflow.VariantInput(
                        account, text, media.media(), media.refs(), JsonNodeFactory.instance.objectNode()));
            } catch (IllegalArgumentException bad) {
                errors.put("media-" + account, bad.getMessage());
            }
        }
        if (errors.isEmpty()) {
            try {
                UUID id = plans.compose(
                        member,
                        title.isEmpty() ? null : title,
                        variants,
                        publishAt,
                        "submit".equals(form.getFirst("action")));
                return "redirect:/app/publishing/posts/" + id;
            } catch (InvalidRequestException invalid) {
                invalid.errors()
                        .forEach(error ->
                                errors.merge(fieldOf(error.field(), picked), error.message(), (a, b) -> a + "; " + b));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, form, errors);
    }

    /** The form's field a service error belongs to: {@code variants[1].text} is the text of the second picked account. */
    private static String fieldOf(String field, List<UUID> picked) {
        Matcher variant = VARIANT_FIELD.matcher(field);
        if (variant.matches()) {
            UUID account = picked.get(Integer.parseInt(variant.group(1)));
            String part = variant.group(2);
            return switch (part) {
                case "text", "media" -> part + "-" + account;
                default -> "account-" + account;
            };
        }
        return field.equals("scheduled_at") ? "publish_at" : "form";
    }

    /** The accounts ticked: each is a field {@code account-<id>}. */
    private static List<UUID> picked(MultiValueMap<String, String> form) {
        try {
            return form.keySet().stream()
                    .filter(name -> name.startsWith(ACCOUNT))
                    .map(name -> UUID.fromString(name.substring(ACCOUNT.length())))
                    .sorted()
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Invalid account", "account-<id> must name an account id");
        }
    }

    private static @Nullable LocalDateTime publishAt(String value, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put("publish_at", "Give a date and time such as 2026-12-24T09:30.");
            return null;
        }
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private String page(Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
        List<AccountForm> accounts = writable.connected().stream()
                .map(account -> new AccountForm(
                        account.id(),
                        account.label(),
                        account.channel().channelName(),
                        account.channel().channelDisplayName(),
                        account.status(),
                        account.channel().maxTextLength(),
                        account.channel().minMedia(),
                        account.channel().maxMedia(),
                        form.containsKey(ACCOUNT + account.id()),
                        value(form, "text-" + account.id()),
                        value(form, "media-" + account.id())))
                .toList();
        model.addAttribute("accounts", accounts);
        model.addAttribute("errors", errors);
        model.addAttribute("title", value(form, "title"));
        model.addAttribute("publishAt", value(form, "publish_at"));
        model.addAttribute("zone", zone.zone().getId());
        return "publishing/composer";
    }
}
