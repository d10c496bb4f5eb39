package io.reach.social;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's connected accounts: each account's platform, state and last sync; connecting one (the
 * API's OAuth start, then the platform, then the API's callback, which brings the browser back here),
 * reconnecting one that needs it, and disconnecting one after a confirmation. The same
 * {@link AccountConnections} as the API.
 */
@Controller
@ConsolePage
@Hidden
public class AccountsPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** An account as the list shows it. */
    public record AccountRow(
            UUID id, String platform, String name, String handle, String status, String state, String lastSync) {

        public boolean needsReconnection() {
            return status.equals("needs_review");
        }

        public boolean connected() {
            return !status.equals("disconnected");
        }

        static AccountRow of(SocialAccounts.AccountView account) {
            return new AccountRow(
                    account.id(),
                    account.platform(),
                    account.accountDisplayName() == null ? account.handle() : account.accountDisplayName(),
                    account.handle(),
                    account.status(),
                    AccountStatus.labelOf(account.status()),
                    when(account.lastSyncAt()));
        }
    }

    /** A platform an account can be connected to. */
    public record Platform(String name, String label) {}

    /** What the list page says at its top, and whether it is bad news. */
    public record Notice(String text, boolean problem) {}

    private final AccountConnections connections;
    private final SocialChannels channels;
    private final ConnectionCookies cookies;

    AccountsPage(AccountConnections connections, SocialChannels channels, ConnectionCookies cookies) {
        this.connections = connections;
        this.channels = channels;
        this.cookies = cookies;
    }

    @GetMapping("/app/accounts")
    @RequiresPermission(resource = "social_accounts", action = "read")
    String list(
            @SignedInMember UserPrincipal member,
            PageRequest page,
            @RequestParam(required = false) @Nullable UUID connected,
            @RequestParam(name = "connect_failed", required = false) @Nullable String failed,
            @RequestParam(required = false) @Nullable UUID disconnected,
            Model model) {
        return listPage(model, member, page, notice(connected, failed, disconnected), null);
    }

    @PostMapping("/app/accounts/connect")
    @RequiresPermission(resource = "social_accounts", action = "write")
    String connect(
            @SignedInMember UserPrincipal member,
            @RequestParam(required = false) @Nullable String platform,
            Model model,
            HttpServletResponse response) {
        member.requireOwnerOrAdmin("connect and disconnect social accounts");
        if (platform == null
                || channels.connectable().stream()
                        .noneMatch(c -> c.channelName().equals(platform))) {
            return refused(model, member, response, "Choose one of the platforms listed.");
        }
        try {
            return toPlatform(member, platform, response);
        } catch (ApiException refused) {
            return refused(model, member, response, refused.getMessage());
        }
    }

    @PostMapping("/app/accounts/{id}/reconnect")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    String reconnect(@SignedInMember UserPrincipal member, @PathVariable UUID id, HttpServletResponse response) {
        member.requireOwnerOrAdmin("connect and disconnect social accounts");
        return toPlatform(member, connections.account(id).platform(), response);
    }

    @GetMapping("/app/accounts/{id}/disconnect")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    String confirmDisconnect(@SignedInMember UserPrincipal member, @PathVariable UUID id, Model model) {
        member.requireOwnerOrAdmin("connect and disconnect social accounts");
        model.addAttribute("account", AccountRow.of(connections.account(id)));
        return "social/disconnect";
    }

    @PostMapping("/app/accounts/{id}/disconnect")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    String disconnect(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        member.requireOwnerOrAdmin("connect and disconnect social accounts");
        connections.disconnect(id);
        return "redirect:/app/accounts?disconnected=" + id;
    }

    /** The API's OAuth start: the binding cookie (and the note to come back here), then off to the platform. */
    private String toPlatform(UserPrincipal member, String platform, HttpServletResponse response) {
        AccountConnections.Started started = connections.start(TenantContext.require(), member.userId(), platform);
        response.addHeader(HttpHeaders.SET_COOKIE, cookies.binding(started).toString());
        response.addHeader(HttpHeaders.SET_COOKIE, cookies.consoleReturn().toString());
        return "redirect:" + started.authorizationUrl();
    }

    private String refused(Model model, UserPrincipal member, HttpServletResponse response, String why) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return listPage(model, member, PageRequest.of(null, null), null, why);
    }

    private @Nullable Notice notice(@Nullable UUID connected, @Nullable String failed, @Nullable UUID disconnected) {
        if (connected != null) {
            return new Notice(named(connected, "Connected ", "The account is connected."), false);
        }
        if (disconnected != null) {
            return new Notice(named(disconnected, "Disconnected ", "The account is disconnected."), false);
        }
        if (failed != null) {
            return ConnectFailure.ofCode(failed)
                    .map(failure -> new Notice(failure.message(), true))
                    .orElse(null);
        }
        return null;
    }

    /** "Connected @handle (platform)." when the account is this workspace's; else the plain sentence. */
    private String named(UUID id, String done, String otherwise) {
        try {
            SocialAccounts.AccountView account = connections.account(id);
            return done + account.handle() + " (" + account.platform() + ").";
        } catch (SocialAccountNotFound elsewhere) {
            return otherwise;
        }
    }

    private String listPage(
            Model model,
            UserPrincipal member,
            PageRequest page,
            @Nullable Notice notice,
            @Nullable String platformError) {
        var accounts = connections.accounts(page);
        model.addAttribute(
                "accounts", accounts.items().stream().map(AccountRow::of).toList());
        model.addAttribute("nextCursor", accounts.nextCursor());
        model.addAttribute("platforms", platforms());
        model.addAttribute("canConnect", ownerOrAdmin(member));
        model.addAttribute("notice", notice);
        model.addAttribute("platformError", platformError);
        return "social/accounts";
    }

    private List<Platform> platforms() {
        return channels.connectable().stream()
                .map(channel -> new Platform(channel.channelName(), channel.channelDisplayName()))
                .toList();
    }

    private static boolean ownerOrAdmin(UserPrincipal member) {
        try {
            member.requireOwnerOrAdmin("connect accounts");
            return true;
        } catch (AccessDeniedException refused) {
            return false;
        }
    }

    static String when(@Nullable Instant instant) {
        return instant == null ? "never" : WHEN.format(instant.atOffset(ZoneOffset.UTC));
    }
}
