package io.reach.identity;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's own data: key-value entries, e-mail preferences and metrics. */
@RestController
@RequestMapping("/api/v1/me")
@Validated
@Tag(name = "Me")
@SecurityRequirement(name = "bearer")
class ProfileController {

    private final UserProfileData profile;
    private final Clock clock;
    private final TenantTransactions transactions;

    ProfileController(UserProfileData profile, Clock clock, TenantTransactions transactions) {
        this.profile = profile;
        this.clock = clock;
        this.transactions = transactions;
    }

    record Value(@NotNull @Size(max = UserProfileData.MAX_VALUE_LENGTH) String value) {
    }

    @GetMapping("/data")
    @Operation(summary = "The user's key-value data by key (at most 100 entries: one page)")
    CursorPage<UserProfileData.Entry> data(@AuthenticationPrincipal @Nullable UserPrincipal principal) {
        return CursorPage.whole(profile.data(CurrentUser.require(principal).userId()));
    }

    @PutMapping("/data/{key}")
    @Operation(summary = "Set one entry (keys are unique per user); the answer is all the user's entries")
    CursorPage<UserProfileData.Entry> put(@AuthenticationPrincipal @Nullable UserPrincipal principal,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_.:-]{1,200}") String key, @Valid @RequestBody Value value) {
        UserPrincipal user = CurrentUser.require(principal);
        if (!transactions.inTransaction(() -> profile.put(user.userId(), key, value.value(), clock.instant()))) {
            throw new ConflictException("Too many entries", "A user keeps at most " + UserProfileData.MAX_ENTRIES
                    + " entries; remove one before adding another");
        }
        return CursorPage.whole(profile.data(user.userId()));
    }

    @DeleteMapping("/data/{key}")
    @Operation(summary = "Remove one entry")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> delete(@AuthenticationPrincipal @Nullable UserPrincipal principal, @PathVariable String key) {
        if (!profile.delete(CurrentUser.require(principal).userId(), key)) {
            throw new NotFoundException("Entry", key);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/email-preferences")
    @Operation(summary = "Which mails the user wants")
    UserProfileData.EmailPreferences preferences(@AuthenticationPrincipal @Nullable UserPrincipal principal) {
        return profile.preferences(CurrentUser.require(principal).userId());
    }

    @PutMapping("/email-preferences")
    @Operation(summary = "Choose which mails to get (security alerts are recommended)")
    UserProfileData.EmailPreferences setPreferences(@AuthenticationPrincipal @Nullable UserPrincipal principal,
            @Valid @RequestBody UserProfileData.EmailPreferences preferences) {
        UserPrincipal user = CurrentUser.require(principal);
        profile.setPreferences(user.userId(), preferences, clock.instant());
        return profile.preferences(user.userId());
    }

    @GetMapping("/metrics")
    @Operation(summary = "Counters kept about the user (one page: one per kind of counter)")
    CursorPage<UserProfileData.Metric> metrics(@AuthenticationPrincipal @Nullable UserPrincipal principal) {
        return CursorPage.whole(profile.metrics(CurrentUser.require(principal).userId()));
    }
}
