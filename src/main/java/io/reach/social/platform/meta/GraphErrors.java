package io.reach.social.platform.meta;

import io.reach.social.PlatformError;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * How Meta's Graph APIs (Facebook, Instagram, Threads) say no: {@code {"error": {"message",
 * "type", "code", "error_subcode", "fbtrace_id"}}}, whatever the HTTP status. The code decides:
 * a refused token, a rate limit (waiting as the usage headers say), a duplicate, a passing fault,
 * or Meta's own reason for a refusal. Asking for one object that is gone (deleted, or never
 * was) is its own answer: HTTP 400 with code 100, subcode 33, "Unsupported get request. Object
 * with ID '…' does not exist, cannot be loaded due to missing permissions, or does not support
 * this operation" (older versions: code 33 "This object does not exist"), or a plain 404.
 */
final class GraphErrors {

    /** Invalid, expired or revoked access tokens (190, with subcodes 463 and 467), and old session errors. */
    private static final Set<Integer> TOKEN = Set.of(190, 102, 463, 467);
    /** Application (4), user (17), Page (32) and custom (613) rate limits; 80000–80014 are business use case limits. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613);

    private static final int APP_LIMIT = 4;
    private static final int DUPLICATE = 506;
    /** An unknown error (1) and a temporarily unavailable service (2). */
    private static final Set<Integer> TRANSIENT = Set.of(1, 2);
    /** Instagram: the media container is not ready to be published yet. */
    private static final int MEDIA_NOT_READY = 9007;
    /** Invalid parameter: with subcode 33 (or saying so) the object asked for does not exist. */
    private static final int INVALID_PARAMETER = 100;

    private static final int NO_SUCH_OBJECT = 33;

    private GraphErrors() {}

    /** Meta's error object; {@code code} 0 when the answer carried none (a proxy's 502, say). */
    record GraphError(
            int code,
            int subcode,
            String type,
            String message,
            @Nullable String fbtraceId) {

        static GraphError of(RestClientResponseException e) {
            JsonNode error = null;
            try {
                error = JsonMapper.shared()
                        .readTree(e.getResponseBodyAsString())
                        .path("error");
            } catch (RuntimeException unreadable) {
                // not JSON: the status alone decides
            }
            if (error == null || !error.isObject()) {
                String body = e.getResponseBodyAsString();
                return new GraphError(0, 0, "", body.length() > 200 ? body.substring(0, 200) : body, null);
            }
            return new GraphError(
                    error.path("code").asInt(0),
                    error.path("error_subcode").asInt(0),
                    error.path("type").asString(""),
                    error.path("message").asString(""),
                    error.path("fbtrace_id").isString()
                            ? error.get("fbtrace_id").asString()
                            : null);
        }

        boolean tokenRejected() {
            return TOKEN.contains(code) || subcode == 463 || subcode == 467;
        }

        boolean rateLimited() {
            return THROTTLED.contains(code) || (code >= 80000 && code <= 80014);
        }

        /** The object asked for does not exist (any more), as far as this token can see. */
        boolean gone(int status) {
            if (tokenRejected() || rateLimited()) {
                return false;
            }
            return status == 404
                    || code == NO_SUCH_OBJECT
                    || (code == INVALID_PARAMETER
                            && (subcode == NO_SUCH_OBJECT
                                    || message.toLowerCase(Locale.ROOT).contains("does not exist")));
        }

        boolean duplicate() {
            return code == DUPLICATE || message.toLowerCase(Locale.ROOT).contains("duplicate");
        }

        String describe(String platform, int status) {
            StringBuilder text =
                    new StringBuilder(platform).append(" answered HTTP ").append(status);
            if (!message.isEmpty()) {
                text.append(": ").append(message);
            }
            if (code != 0) {
                text.append(" (code ").append(code);
                if (subcode != 0) {
                    text.append(", subcode ").append(subcode);
                }
                if (fbtraceId != null) {
                    text.append(", fbtrace_id ").append(fbtraceId);
                }
                text.append(')');
            }
            return text.toString();
        }
    }

    /**
     * The answer of a read of one object, or a {@link MissingNode} when Meta says that object is
     * gone; every other refusal is thrown on to be classified.
     */
    static JsonNode unlessGone(Supplier<@Nullable JsonNode> read) {
        try {
            JsonNode body = read.get();
            return body == null ? JsonMapper.shared().createObjectNode() : body;
        } catch (RestClientResponseException e) {
            if (GraphError.of(e).gone(e.getStatusCode().value())) {
                return MissingNode.getInstance();
            }
            throw e;
        }
    }

    static PlatformError classify(String platform, RestClientResponseException e) {
        int status = e.getStatusCode().value();
        GraphError error = GraphError.of(e);
        String message = error.describe(platform, status);
        if (error.tokenRejected()) {
            return PlatformError.tokenRejected(status, message);
        }
        HttpHeaders headers = e.getResponseHeaders();
        if (error.rateLimited() || status == 429) {
            return new PlatformError(PlatformError.Kind.RETRYABLE, status, rateLimitWait(error, headers), message);
        }
        if (error.duplicate()) {
            return new PlatformError(PlatformError.Kind.TERMINAL, status, null, "Duplicate content: " + message);
        }
        if (error.code() == MEDIA_NOT_READY) {
            return new PlatformError(PlatformError.Kind.RETRYABLE, status, null, "Media still processing: " + message);
        }
        if (TRANSIENT.contains(error.code()) || status >= 500) {
            return new PlatformError(PlatformError.Kind.RETRYABLE, status, retryAfter(headers), message);
        }
        return new PlatformError(PlatformError.Kind.TERMINAL, status, null, message);
    }

    /**
     * How long a rate limit lasts: the business use case header's estimate when Meta sent one,
     * else {@code Retry-After}, else an hour for the application-wide limit (Meta gives no time
     * for it; its window is an hour).
     */
    static @Nullable Duration rateLimitWait(GraphError error, @Nullable HttpHeaders headers) {
        Duration regain = headers == null ? null : GraphUsage.regainAccess(headers);
        if (regain != null) {
            return regain;
        }
        Duration retryAfter = retryAfter(headers);
        if (retryAfter != null) {
            return retryAfter;
        }
        return error.code() == APP_LIMIT ? Duration.ofHours(1) : null;
    }

    private static @Nullable Duration retryAfter(@Nullable HttpHeaders headers) {
        String seconds = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        return seconds != null && seconds.strip().matches("\\d{1,6}")
                ? Duration.ofSeconds(Long.parseLong(seconds.strip()))
                : null;
    }
}
