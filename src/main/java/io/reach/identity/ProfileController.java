package io.reach.identity;

import io.reach.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own data: key-value entries, e-mail preferences and metrics. */
@RestController
@RequestMapping("/api/v1/me")
@Validated
@Tag(name = "Me")
@SecurityRequirement(name = "bearer")
class ProfileController {

    private final UserProfiles profiles;

    ProfileController(UserProfiles profiles) {
        this.profiles = profiles;
    }

    record Value(
            @NotNull @Size(max = UserProfileData.MAX_VALUE_LENGTH)
            String value) {}

    @GetMapping("/data")
    @Operation(summary = "The user's key-value data by key (at most 100 entries: one page)")
    CursorPage<UserProfileData.Entry> data(@SignedInMember UserPrincipal member) {
        return CursorPage.whole(profiles.data(member.userId()));
    }

    @PutMapping("/data/{key}")
    @Operation(summary = "Set one entry (keys are unique per user); the answer is all the user's entries")
    CursorPage<UserProfileData.Entry> put(
            @SignedInMember UserPrincipal user,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_.:-]{1,200}") String key,
            @Valid @RequestBody Value value) {
        return CursorPage.whole(profiles.put(user.userId(), key, value.value()));
    }

    @DeleteMapping("/data/{key}")
    @Operation(summary = "Remove one entry")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> delete(@SignedInMember UserPrincipal member, @PathVariable String key) {
        profiles.delete(member.userId(), key);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/email-preferences")
    @Operation(summary = "Which mails the user wants")
    UserProfileData.EmailPreferences preferences(@SignedInMember UserPrincipal member) {
        return profiles.preferences(member.userId());
    }

    @PutMapping("/email-preferences")
    @Operation(summary = "Choose which mails to get (security alerts are recommended)")
    UserProfileData.EmailPreferences setPreferences(
            @SignedInMember UserPrincipal user, @Valid @RequestBody UserProfileData.EmailPreferences preferences) {
        return profiles.setPreferences(user.userId(), preferences);
    }

    @GetMapping("/metrics")
    @Operation(summary = "Counters kept about the user (one page: one per kind of counter)")
    CursorPage<UserProfileData.Metric> metrics(@SignedInMember UserPrincipal member) {
        return CursorPage.whole(profiles.metrics(member.userId()));
    }
}
