package io.reach.campaigns.suppression;

import io.reach.campaigns.sending.Channel;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.Codes;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's suppression lists, one per channel: search them, suppress an address by hand, lift
 * a suppression. The same {@link SuppressionLists} as the API, so addresses are kept in the same normal form.
 */
@Controller
@ConsolePage
@Hidden
public class SuppressionsPage {

    private static final int PAGE_SIZE = 50;

    /** One suppressed address as the page shows it. */
    public record Row(String address, String reason, String since) {}

    /** A page of the list: its rows and the cursor of the next one (the last address shown). */
    public record Listing(
            String channel,
            @Nullable String search,
            List<Row> rows,
            @Nullable String nextCursor) {}

    private final SuppressionLists suppressions;

    SuppressionsPage(SuppressionLists suppressions) {
        this.suppressions = suppressions;
    }

    @GetMapping("/app/suppressions")
    @RequiresPermission(resource = "contacts", action = "read")
    String list(
            @RequestParam(defaultValue = "email") String channel,
            @RequestParam(name = "q", required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        return page(model, channel, search, cursor, null, null);
    }

    @PostMapping(path = "/app/suppressions", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String add(
            @RequestParam(defaultValue = "email") String channel,
            @RequestParam(required = false) @Nullable String address,
            Model model,
            HttpServletResponse response) {
        Channel chosen = Codes.of(Channel.class, channel, "channel");
        try {
            suppressions.suppress(chosen, address == null ? "" : address);
        } catch (InvalidRequestException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            String error = invalid.errors().stream()
                    .map(e -> "The address " + e.message() + ".")
                    .findFirst()
                    .orElse(invalid.getMessage());
            return page(model, channel, null, null, address, error);
        }
        return "redirect:/app/suppressions?channel=" + chosen.code();
    }

    @PostMapping(path = "/app/suppressions/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "contacts", action = "write")
    String remove(@RequestParam(defaultValue = "email") String channel, @RequestParam String address) {
        Channel chosen = Codes.of(Channel.class, channel, "channel");
        if (!suppressions.lift(chosen, address)) {
            throw SuppressionNotFound.forAddress(address);
        }
        return "redirect:/app/suppressions?channel=" + chosen.code();
    }

    private String page(
            Model model,
            String channel,
            @Nullable String search,
            @Nullable String cursor,
            @Nullable String address,
            @Nullable String error) {
        Channel chosen = Codes.of(Channel.class, channel, "channel");
        String searched = search == null || search.isBlank() ? null : search.strip();
        List<Suppressions.Suppression> found =
                suppressions.page(chosen, cursor == null ? "" : cursor, PAGE_SIZE + 1, searched);
        List<Row> rows = found.stream()
                .limit(PAGE_SIZE)
                .map(s -> new Row(s.address(), s.reason(), s.createdAt().toString()))
                .toList();
        String next = found.size() > PAGE_SIZE ? rows.getLast().address() : null;
        model.addAttribute("listing", new Listing(chosen.code(), searched, rows, next));
        model.addAttribute("nextLink", next == null ? null : nextLink(chosen, searched, next));
        model.addAttribute("address", address);
        model.addAttribute("error", error);
        return "messaging/suppressions";
    }

    private static String nextLink(Channel channel, @Nullable String search, String cursor) {
        return "/app/suppressions?channel=" + channel.code() + "&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
                + (search == null ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    }
}
