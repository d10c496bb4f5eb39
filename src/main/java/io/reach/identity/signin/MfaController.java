package io.reach.identity.signin;

import io.reach.identity.RequestOrigins;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.idempotency.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's second factor. */
@RestController
@RequestMapping("/api/v1/me/mfa")
@Tag(name = "Me")
@SecurityRequirement(name = "bearer")
class MfaController {

    private final MultiFactor multiFactor;

    MfaController(MultiFactor multiFactor) {
        this.multiFactor = multiFactor;
    }

    @PostMapping("/enrol")
    @Operation(summary = "Start TOTP enrolment: a secret and an otpauth:// URI for an authenticator app")
    MultiFactor.Enrolment enrol(@SignedInMember UserPrincipal member, HttpServletRequest http) {
        Idempotency.doNotStoreResponse(http);
        return multiFactor.enrol(member);
    }

    @PostMapping("/confirm")
    @Operation(summary = "Confirm enrolment with a first code; MFA is then on and ten recovery codes are returned once")
    MultiFactor.Confirmation confirm(
            @SignedInMember UserPrincipal member,
            @Valid @RequestBody AuthRequests.MfaCode request,
            HttpServletRequest http) {
        Idempotency.doNotStoreResponse(http);
        return multiFactor.confirm(member, request.code(), RequestOrigins.of(http));
    }

    @DeleteMapping
    @Operation(summary = "Turn MFA off, proven with a current code or a recovery code")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> disable(
            @SignedInMember UserPrincipal member,
            @Valid @RequestBody AuthRequests.MfaCode request,
            HttpServletRequest http) {
        multiFactor.disable(member, request.code(), RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }
}
