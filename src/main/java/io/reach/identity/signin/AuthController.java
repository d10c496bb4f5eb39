package io.reach.identity.signin;

import io.reach.identity.RequestOrigins;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.identity.signin.AuthRequests.LoginRequest;
import io.reach.identity.signin.AuthRequests.LogoutRequest;
import io.reach.identity.signin.AuthRequests.RefreshRequest;
import io.reach.identity.signin.AuthRequests.ResetConfirmation;
import io.reach.identity.signin.AuthRequests.ResetRequest;
import io.reach.identity.signin.AuthRequests.SignUpRequest;
import io.reach.identity.signin.AuthRequests.SwitchTenantRequest;
import io.reach.identity.signin.AuthRequests.TokenRequest;
import io.reach.platform.idempotency.Idempotency;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, sign-in and their tokens. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final SignUp signUp;
    private final SignIn signIn;
    private final PasswordResets resets;
    private final SignInUnlocks unlocks;

    AuthController(SignUp signUp, SignIn signIn, PasswordResets resets, SignInUnlocks unlocks) {
        this.signUp = signUp;
        this.signIn = signIn;
        this.resets = resets;
        this.unlocks = unlocks;
    }

    @PostMapping("/signup")
    @Operation(
            operationId = "signUp",
            summary = "Create an account and its workspace; a verification mail is sent (for an address that "
                    + "already has an account, the answer is the same and its owner is mailed instead)")
    @ApiResponse(responseCode = "201", description = "Signed up; verify the e-mail address before signing in")
    ResponseEntity<SignUp.Registered> signup(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                    {"email": "ada@example.com", "password": "correct horse battery staple", "name": "Ada Lovelace",
                     "tenant_name": "Analytical Engines"}""")))
                    @Valid
                    @RequestBody
                    SignUpRequest request,
            HttpServletRequest http) {
        SignUp.Registered registered = signUp.register(request, RequestOrigins.of(http));
        return ResponseEntity.created(URI.create("/api/v1/me")).body(registered);
    }

    @PostMapping("/verify-email")
    @Operation(summary = "Confirm an e-mail address with the mailed token")
    @ApiResponse(responseCode = "204", description = "Verified; no content")
    ResponseEntity<Void> verifyEmail(@Valid @RequestBody TokenRequest request) {
        signUp.verifyEmail(request.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/verify-email/resend")
    @Operation(summary = "Send the verification mail again; answers the same for unknown addresses")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted; a mail goes out if the address has an unverified account")
    ResponseEntity<Void> resendVerification(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        signUp.resendVerification(request.email(), RequestOrigins.of(http));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/login")
    @Operation(
            operationId = "signIn",
            summary = "Sign in with e-mail and password; returns an access token and a refresh token")
    @ApiResponse(
            responseCode = "200",
            description = "Signed in, or an MFA challenge to answer at /api/v1/auth/mfa/verify",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(oneOf = {SessionTokens.class, SignIn.MfaRequired.class})))
    @ApiResponse(responseCode = "401", description = "Wrong e-mail or password")
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed attempts: sign-in from this address is paused (Retry-After)")
    SignIn.LoginOutcome login(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                    {"email": "ada@example.com", "password": "correct horse battery staple"}""")))
                    @Valid
                    @RequestBody
                    LoginRequest request,
            HttpServletRequest http) {
        Idempotency.doNotStoreResponse(http);
        return signIn.login(request, RequestOrigins.of(http));
    }

    @PostMapping("/unlock")
    @Operation(summary = "Let this client address sign in past a paused account, with the token mailed to its owner")
    @ApiResponse(responseCode = "204", description = "Unlocked; no content")
    ResponseEntity<Void> unlock(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        unlocks.unlock(request.token(), RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/mfa/verify")
    @Operation(summary = "Complete a sign-in that needs a second factor, with a TOTP code or a recovery code")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "The challenge or the code is wrong or expired")
    SessionTokens verifyMfa(@Valid @RequestBody AuthRequests.MfaVerification request, HttpServletRequest http) {
        if ((request.code() == null) == (request.recoveryCode() == null)) {
            throw new InvalidRequestException(new FieldError("code", "send either code or recovery_code"));
        }
        Idempotency.doNotStoreResponse(http);
        return signIn.completeMfa(request, RequestOrigins.of(http));
    }

    @PostMapping("/refresh")
    @Operation(operationId = "refreshSession", summary = "Trade a refresh token (once) for new tokens")
    @ApiResponse(responseCode = "200", description = "New tokens")
    @ApiResponse(responseCode = "401", description = "The refresh token is unknown, used or expired")
    SessionTokens refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        Idempotency.doNotStoreResponse(http);
        return signIn.refresh(request.refreshToken(), RequestOrigins.of(http));
    }

    @PostMapping("/logout")
    @Operation(operationId = "signOut", summary = "End the session of a refresh token")
    @ApiResponse(responseCode = "204", description = "Signed out; no content")
    ResponseEntity<Void> logout(@Valid @RequestBody(required = false) @Nullable LogoutRequest request) {
        if (request != null && request.refreshToken() != null) {
            signIn.logout(request.refreshToken());
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/switch-tenant")
    @Operation(summary = "Get tokens for another workspace the user belongs to")
    SessionTokens switchTenant(
            @SignedInMember UserPrincipal member,
            @Valid @RequestBody SwitchTenantRequest request,
            HttpServletRequest http) {
        Idempotency.doNotStoreResponse(http);
        return signIn.switchTenant(member, request.tenantId(), RequestOrigins.of(http));
    }

    @PostMapping("/password-reset/request")
    @Operation(summary = "Mail a password-reset token; answers the same for unknown addresses")
    @ApiResponse(responseCode = "202", description = "Accepted; a mail goes out if the address has an account")
    ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        resets.request(request.email(), RequestOrigins.of(http));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/password-reset/confirm")
    @Operation(summary = "Set a new password with the mailed token; ends every session")
    @ApiResponse(responseCode = "204", description = "Password changed; no content")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation request, HttpServletRequest http) {
        resets.confirm(request, RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }
}
