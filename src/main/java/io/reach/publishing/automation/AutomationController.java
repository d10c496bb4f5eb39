package io.reach.publishing.automation;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Automations (a trigger on an account's events and the actions it sets off), the consent they act
 * under, and their execution log. Editors write, analysts read (the {@code posts} permissions);
 * consent is recorded by owners and admins.
 */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Automations")
class AutomationController {

    private final AutomationSettings settings;

    AutomationController(AutomationSettings settings) {
        this.settings = settings;
    }

    record CreateAutomation(
            @NotNull UUID socialAccountId,
            @NotNull @Size(min = 1, max = 255) String name,
            @Nullable Boolean enabled,
            @NotNull JsonNode trigger,
            @NotNull JsonNode actions,
            @Nullable Boolean consentRequired) {}

    record ChangeAutomation(
            @Size(min = 1, max = 255) @Nullable String name,
            @Nullable Boolean enabled,
            @Nullable JsonNode trigger,
            @Nullable JsonNode actions,
            @Nullable Boolean consentRequired) {}

    @PostMapping("/api/v1/automations")
    @RequiresPermission(resource = "posts", action = "write")
    @Operation(
            summary = "Create an automation: trigger (new_comment, mention, new_message with keywords; new_follower; "
                    + "follower_milestone; post_likes) and actions (reply, like, dm, repost, notify)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Automations.Automation> create(
            @SignedInMember UserPrincipal member, @Valid @RequestBody CreateAutomation request) {
        UUID id = settings.create(
                member,
                new AutomationSettings.Draft(
                        request.socialAccountId(),
                        request.name(),
                        !Boolean.FALSE.equals(request.enabled()),
                        request.trigger(),
                        request.actions(),
                        Boolean.TRUE.equals(request.consentRequired())));
        return ResponseEntity.created(URI.create("/api/v1/automations/" + id)).body(get(id));
    }

    @GetMapping("/api/v1/automations")
    @RequiresPermission(resource = "posts", action = "read")
    @Operation(summary = "Automations, optionally of one account or only enabled/disabled ones")
    CursorPage<Automations.Automation> list(
            @RequestParam(name = "social_account_id", required = false) @Nullable UUID accountId,
            @RequestParam(required = false) @Nullable Boolean enabled,
            PageRequest page) {
        return settings.list(accountId, enabled, page);
    }

    @GetMapping("/api/v1/automations/{id}")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    @Operation(summary = "One automation")
    Automations.Automation get(@PathVariable UUID id) {
        return settings.get(id);
    }

    @PatchMapping("/api/v1/automations/{id}")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Change an automation's name, enabled flag, trigger or actions")
    Automations.Automation change(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, @Valid @RequestBody ChangeAutomation request) {
        return settings.update(
                member,
                id,
                new AutomationSettings.Change(
                        request.name(),
                        request.enabled(),
                        request.trigger(),
                        request.actions(),
                        request.consentRequired()));
    }

    @DeleteMapping("/api/v1/automations/{id}")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Delete an automation with its consent and log")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> delete(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        settings.delete(member, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/automations/{id}/executions")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    @Operation(summary = "The automation's runs, newest first, with the result of each action")
    CursorPage<Automations.Execution> executions(@PathVariable UUID id, PageRequest page) {
        return settings.executions(id, page);
    }

    @PostMapping("/api/v1/automations/{id}/consent")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Record consent for the automation to act as its account (owners and admins)")
    Automations.Consent grant(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        return settings.grant(member, id);
    }

    @DeleteMapping("/api/v1/automations/{id}/consent")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Revoke the automation's consent (owners and admins); it stops acting")
    Automations.Consent revoke(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        return settings.revoke(member, id);
    }

    @GetMapping("/api/v1/consents")
    @RequiresPermission(resource = "posts", action = "read")
    @Operation(summary = "Recorded consents (granted and revoked), optionally of one account, oldest first")
    CursorPage<Automations.Consent> consents(
            @RequestParam(name = "social_account_id", required = false) @Nullable UUID accountId, PageRequest page) {
        return settings.consents(accountId, page);
    }
}
