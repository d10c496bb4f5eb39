package io.reach.identity.signin;

import io.reach.identity.RequestOrigins;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-up: the same sign-up as {@code POST /api/v1/auth/signup} (the same checks,
 * password policy and verification mail), with each field's error shown next to the field.
 */
@Controller
@ConsolePage
@Hidden
class SignUpPage {

    private final SignUp signUp;
    private final Validator validator;

    SignUpPage(SignUp signUp, Validator validator) {
        this.signUp = signUp;
        this.validator = validator;
    }

    @GetMapping("/sign-up")
    String form(CsrfToken csrf, Model model) {
        return form(model, csrf, null, null, Map.of(), null);
    }

    @PostMapping(path = "/sign-up", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String signUp(
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String workspace,
            CsrfToken csrf,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        var request = new AuthRequests.SignUpRequest(
                email == null ? "" : email,
                password == null ? "" : password,
                null,
                null,
                null,
                workspace == null || workspace.isBlank() ? null : workspace,
                null,
                null,
                null);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<AuthRequests.SignUpRequest> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, csrf, email, workspace, errors, null);
        }
        try {
            SignUp.Registered registered = signUp.register(request, RequestOrigins.of(http));
            model.addAttribute("email", request.email());
            model.addAttribute("verified", registered.emailVerified());
            return "signin/signed-up";
        } catch (InvalidRequestException invalid) {
            response.setStatus(invalid.status().value());
            invalid.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            return form(model, csrf, email, workspace, errors, errors.isEmpty() ? invalid.getMessage() : null);
        } catch (ApiException refused) {
            response.setStatus(refused.status().value());
            return form(model, csrf, email, workspace, errors, refused.title() + ": " + refused.getMessage());
        }
    }

    private static String form(
            Model model,
            CsrfToken csrf,
            @Nullable String email,
            @Nullable String workspace,
            Map<String, String> errors,
            @Nullable String error) {
        model.addAttribute("email", email);
        model.addAttribute("workspace", workspace);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        return "signin/sign-up";
    }
}
