package io.reach.social.platform.tiktok;

import io.reach.social.PlatformError;
import io.reach.social.platform.JsonErrorBodies;
import io.reach.social.platform.PlatformHttp;
import java.time.Clock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * How the TikTok classes call TikTok: every answer carries {@code error.code} ({@code ok} when it
 * went well), and TikTok may refuse with HTTP 200, so an answer is checked as well as its status.
 * A refused token is refreshed once by the caller; a rate limit waits (Retry-After); spam
 * protection and invalid parameters are final; without a code the HTTP status decides.
 */
final class TikTokApi {

    private final Clock clock;

    TikTokApi(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs a call to TikTok and returns its answer once {@code error.code} says {@code ok}; every
     * failure leaves as a classified {@link PlatformError}.
     */
    JsonNode call(boolean mayHaveActed, Supplier<@Nullable JsonNode> call) {
        return checked(JsonErrorBodies.call("TikTok", mayHaveActed, call, this::classify), mayHaveActed);
    }

    /** TikTok may refuse with HTTP 200: an answer whose {@code error.code} is not {@code ok} is a refusal. */
    private JsonNode checked(@Nullable JsonNode body, boolean mayHaveActed) {
        if (body == null || !body.isObject()) {
            throw new PlatformError(
                    mayHaveActed ? PlatformError.Kind.UNKNOWN : PlatformError.Kind.RETRYABLE,
                    200,
                    null,
                    "TikTok answered without a body");
        }
        String code = JsonErrorBodies.text(body.path("error"), "code", "ok");
        if (!code.equals("ok")) {
            throw classify(200, null, body);
        }
        return body;
    }

    private PlatformError classify(RestClientResponseException e) {
        return classify(e.getStatusCode().value(), e.getResponseHeaders(), JsonErrorBodies.bodyOf(e));
    }

    /**
     * TikTok's {@code error.code}: a refused token is refreshed once by the caller; a rate limit
     * waits (Retry-After); spam protection and invalid parameters are final; without a code the
     * HTTP status decides.
     */
    PlatformError classify(int status, @Nullable HttpHeaders headers, JsonNode body) {
        JsonNode error = body.path("error");
        String code = JsonErrorBodies.text(error, "code", "");
        String logId = JsonErrorBodies.text(error, "log_id", "");
        String message = "TikTok answered " + (code.isEmpty() ? "HTTP " + status : code) + ": "
                + JsonErrorBodies.text(error, "message", body.isMissingNode() ? "no details" : body.toString())
                + (logId.isEmpty() ? "" : " (log_id " + logId + ")");
        if (code.equals("access_token_invalid")) {
            return PlatformError.tokenRejected(status, message);
        }
        if (code.equals("rate_limit_exceeded")) {
            return JsonErrorBodies.retryable(status, PlatformHttp.retryAfter(headers, clock), message);
        }
        if (code.equals("internal_error")) {
            return JsonErrorBodies.retryable(status, null, message);
        }
        if (code.equals("scope_not_authorized")
                || code.equals("scope_permission_missed")
                || code.equals("invalid_params")
                || code.startsWith("spam_risk")) {
            return JsonErrorBodies.terminal(status, message);
        }
        return JsonErrorBodies.byStatus(status, headers, clock, message);
    }
}
