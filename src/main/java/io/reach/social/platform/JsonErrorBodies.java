package io.reach.social.platform;

import io.reach.social.PlatformError;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * What adapters of platforms that explain their refusals in a JSON body share (TikTok's
 * {@code error.code}, Google's {@code error.errors[].reason}): the body read as JSON, the
 * status-only fallback classification, and calls wrapped so that every failure leaves as a
 * {@link PlatformError}. Each adapter supplies how its own codes are classified.
 */
public final class JsonErrorBodies {

    private JsonErrorBodies() {}

    /**
     * Runs a call to the platform. A refusal (4xx, 5xx) is classified by {@code classify}; no answer
     * is {@link PlatformError.Kind#UNKNOWN} when the request went out and {@code mayHaveActed},
     * otherwise retryable; an answer Reach cannot read is treated the same way.
     */
    public static <T extends @Nullable Object> T call(
            String platform,
            boolean mayHaveActed,
            Supplier<T> call,
            Function<RestClientResponseException, PlatformError> classify) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            throw classify.apply(e);
        } catch (ResourceAccessException e) {
            throw PlatformHttp.unanswered(platform, e, mayHaveActed);
        } catch (RestClientException e) {
            throw new PlatformError(
                    mayHaveActed ? PlatformError.Kind.UNKNOWN : PlatformError.Kind.RETRYABLE,
                    null,
                    null,
                    platform + " answered in a form Reach could not read: " + e.getMessage());
        }
    }

    /** The body of a refusal as JSON; a missing node when it is empty or not JSON. */
    public static JsonNode bodyOf(RestClientResponseException e) {
        return parse(e.getResponseBodyAsString());
    }

    public static JsonNode parse(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * How a refusal whose body names nothing the adapter knows is classified: a refused token (401)
     * is refreshed once by the caller, 429 and 5xx may pass after {@code Retry-After}, anything else
     * will not.
     */
    public static PlatformError byStatus(int status, @Nullable HttpHeaders headers, Clock clock, String message) {
        if (status == 401) {
            return PlatformError.tokenRejected(status, message);
        }
        if (status == 429 || status >= 500) {
            return retryable(status, PlatformHttp.retryAfter(headers, clock), message);
        }
        return terminal(status, message);
    }

    public static PlatformError retryable(int status, @Nullable Duration retryAfter, String message) {
        return new PlatformError(PlatformError.Kind.RETRYABLE, status, retryAfter, message);
    }

    public static PlatformError terminal(int status, String message) {
        return new PlatformError(PlatformError.Kind.TERMINAL, status, null, message);
    }

    /** A text field of a JSON object, or {@code fallback} when it is absent, null or empty. */
    public static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        String text = value.isValueNode() && !value.isNull() ? value.asString("") : "";
        return text.isEmpty() ? fallback : text;
    }

    /** A count that platforms send as a number or as a string of digits (Google does the latter); 0 when absent. */
    public static long count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.asLong();
        }
        String text = value.isString() ? value.asString().strip() : "";
        return text.matches("-?\\d{1,19}") ? Long.parseLong(text) : 0;
    }
}
