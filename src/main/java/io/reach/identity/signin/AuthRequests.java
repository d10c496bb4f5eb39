package io.reach.identity.signin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies the authentication endpoints accept; {@code 003}'s validation rules apply to names. */
final class AuthRequests {

    private AuthRequests() {}

    record SignUpRequest(
            @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254)
            String email,

            @NotBlank @Size(max = 1024) String password,
            @Size(max = 200) @Nullable String name,
            @Size(min = 2, max = 100) @Nullable String firstName,
            @Size(min = 2, max = 100) @Nullable String lastName,
            @Size(min = 1, max = 200) @Nullable String tenantName,
            @Size(max = 100) @Nullable String registrationCode,
            @Size(max = 100) @Nullable String promoCode,
            @Size(max = 200) @Nullable String invitationToken) {

        SignUpRequest {
            email = email == null ? null : email.strip();
            tenantName = tenantName == null ? null : tenantName.strip();
            firstName = firstName == null ? null : firstName.strip();
            lastName = lastName == null ? null : lastName.strip();
        }
    }

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password,
            @Nullable UUID tenantId) {}

    record TokenRequest(@NotBlank @Size(max = 200) String token) {}

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    record LogoutRequest(@Size(max = 200) @Nullable String refreshToken) {}

    record ResetRequest(@NotBlank @Size(max = 254) String email) {}

    record ResetConfirmation(
            @NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 1024) String newPassword) {}

    record SwitchTenantRequest(@NotNull UUID tenantId) {}

    record MfaVerification(
            @NotBlank @Size(max = 200) String mfaToken,
            @Size(max = 10) @Nullable String code,
            @Size(max = 40) @Nullable String recoveryCode) {}

    record MfaCode(@NotBlank @Size(max = 40) String code) {}
}
