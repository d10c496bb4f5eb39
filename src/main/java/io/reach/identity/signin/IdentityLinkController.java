package io.reach.identity.signin;

import io.reach.identity.RequestOrigins;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.idempotency.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Linking a sign-in at an identity provider to an existing account, with that account's consent. */
@RestController
@RequestMapping("/api/v1/auth/identity-links")
@Tag(name = "Authentication")
class IdentityLinkController {

    private final IdentityLinking linking;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    IdentityLinkController(IdentityLinking linking, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.linking = linking;
        this.registrations = registrations;
    }

    record StartLink(
            @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,40}") String provider) {}

    record StartedLink(String provider, String authorizationUrl, long expiresIn) {}

    @PostMapping
    @Operation(
            summary = "Start linking a sign-in at an identity provider to the signed-in user; open the "
                    + "authorization_url in the browser (once, within expires_in seconds)")
    @ApiResponse(responseCode = "201", description = "Started; a confirmation mail is on its way")
    ResponseEntity<StartedLink> start(
            @SignedInMember UserPrincipal user, @Valid @RequestBody StartLink request, HttpServletRequest http) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null || repository.findByRegistrationId(request.provider()) == null) {
            throw IdentityProviderNotFound.named(request.provider());
        }
        Idempotency.doNotStoreResponse(http);
        String token = linking.start(user, request.provider(), RequestOrigins.of(http));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new StartedLink(
                        request.provider(),
                        "/oauth2/authorization/" + request.provider() + "?link_token=" + token,
                        IdentityLinking.STARTED_TTL.toSeconds()));
    }

    @PostMapping("/confirm")
    @Operation(summary = "Allow a provider sign-in into the account, with the token mailed when it was refused")
    @ApiResponse(responseCode = "204", description = "Linked; no content")
    ResponseEntity<Void> confirm(@Valid @RequestBody AuthRequests.TokenRequest request, HttpServletRequest http) {
        linking.confirm(request.token(), RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }
}
