package io.reach.social;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.OpenEndpoints;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Connecting, listing and disconnecting a workspace's social accounts. */
@RestController
@RequestMapping("/api/v1/social/accounts")
@Tag(name = "Social accounts")
class SocialAccountController {

    private final AccountConnections connections;
    private final ConnectionCookies cookies;

    SocialAccountController(AccountConnections connections, ConnectionCookies cookies) {
        this.connections = connections;
        this.cookies = cookies;
    }

    record Connect(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,31}")
            String platform) {}

    record Authorization(URI authorizationUrl) {}

    @PostMapping("/connect")
    @RequiresPermission(resource = "social_accounts", action = "write")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Start connecting an account (owners and admins): send the browser to the returned URL",
            description = "Also sets a short-lived HttpOnly cookie that binds the connection to this browser: "
                    + "the callback finishes the connection only when the same browser brings it back")
    ResponseEntity<Authorization> connect(@SignedInMember UserPrincipal member, @Valid @RequestBody Connect request) {
        UserPrincipal person = connector(member);
        AccountConnections.Started started =
                connections.start(TenantContext.require(), person.userId(), request.platform());
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies.binding(started).toString())
                .body(new Authorization(started.authorizationUrl()));
    }

    @GetMapping("/callback")
    @Operation(
            operationId = "completeSocialAccountConnection",
            summary = "Where the platform returns the browser; stores the account and its (encrypted) tokens",
            description = "Refused unless the browser brings the cookie the start set; each state is used once. "
                    + "A connection the console started returns the browser to the console's accounts page (303)")
    @ApiResponse(responseCode = "200", description = "The account connected")
    @ApiResponse(
            responseCode = "303",
            description = "Started in the console: back to its accounts page, saying what happened; no content")
    ResponseEntity<SocialAccounts.AccountView> callback(
            @RequestParam(required = false) @Size(max = 2048) @Nullable String code,
            @RequestParam @Size(max = 4096) String state,
            @RequestParam(required = false) @Size(max = 256) @Nullable String error,
            @RequestParam(name = "error_description", required = false) @Size(max = 2048) @Nullable
                    String errorDescription,
            HttpServletRequest request) {
        Map<String, String> brought = new HashMap<>();
        for (Cookie cookie : request.getCookies() == null ? new Cookie[0] : request.getCookies()) {
            brought.putIfAbsent(cookie.getName(), cookie.getValue());
        }
        if (ConnectionCookies.startedInConsole(brought)) {
            return backToConsole(code, state, error, brought);
        }
        if (error != null) {
            throw declined(error);
        }
        if (code == null) {
            throw new InvalidRequestException(
                    new FieldError("code", "is required: the platform sends it back after consent"));
        }
        AccountConnections.Connected connected = connections.complete(code, state, brought);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookies.spent(connected.bindingCookie()).toString())
                .body(connected.account());
    }

    /** The console's accounts page, saying what happened: the connected account, or why it was not. */
    private ResponseEntity<SocialAccounts.AccountView> backToConsole(
            @Nullable String code, String state, @Nullable String error, Map<String, String> brought) {
        var answer = ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE, cookies.consoleReturnDone().toString());
        if (error != null || code == null) {
            ConnectFailure failure = error == null ? ConnectFailure.NOT_GRANTED : ConnectFailure.ofPlatformError(error);
            return answer.location(URI.create("/app/accounts?connect_failed=" + failure.code()))
                    .build();
        }
        try {
            AccountConnections.Connected connected = connections.complete(code, state, brought);
            return answer.header(
                            HttpHeaders.SET_COOKIE,
                            cookies.spent(connected.bindingCookie()).toString())
                    .location(URI.create(
                            "/app/accounts?connected=" + connected.account().id()))
                    .build();
        } catch (ApiException refused) {
            return answer.location(URI.create("/app/accounts?connect_failed="
                            + ConnectFailure.of(refused).code()))
                    .build();
        } catch (PlatformError unreachable) {
            return answer.location(URI.create("/app/accounts?connect_failed=" + ConnectFailure.PLATFORM.code()))
                    .build();
        }
    }

    /**
     * The platform sent the browser back without a code (RFC 6749 section 4.1.2.1): the person declined on the
     * platform's screen, or the platform refused. The platform's own description is not echoed: it is text anyone
     * can put in a link.
     */
    private static BadRequestException declined(String error) {
        if (error.equals("access_denied")) {
            return new BadRequestException(
                    "Consent declined",
                    "The account was not connected: access was declined on the platform's screen; start again to connect it");
        }
        String code = error.matches("[a-z_]{1,64}") ? " (" + error + ")" : "";
        return new BadRequestException(
                "Connection failed",
                "The platform did not grant access" + code + "; start again to connect the account");
    }

    @GetMapping
    @RequiresPermission(resource = "social_accounts", action = "read")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The workspace's connected accounts (tokens are never shown)")
    CursorPage<SocialAccounts.AccountView> list(PageRequest page) {
        return connections.accounts(page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One connected account")
    SocialAccounts.AccountView get(@PathVariable UUID id) {
        return connections.account(id);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Disconnect an account; its tokens are deleted")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> disconnect(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        connector(member);
        connections.disconnect(id);
        return ResponseEntity.noContent().build();
    }

    private static UserPrincipal connector(UserPrincipal member) {
        member.requireOwnerOrAdmin("connect and disconnect social accounts");
        return member;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        OpenEndpoints socialOpenEndpoints() {
            return () -> List.of("/api/v1/social/accounts/callback");
        }
    }
}
