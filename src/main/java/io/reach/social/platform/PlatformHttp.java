package io.reach.social.platform;

import io.reach.social.PlatformError;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every platform adapter shares: its HTTP client with timeouts, and how a failed call is classified. */
public final class PlatformHttp {

    private PlatformHttp() {}

    public static RestClient client(String baseUrl, Duration readTimeout) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(10));
        requests.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
    }

    /**
     * 429 and 5xx may pass (waiting as the platform says: {@code Retry-After} seconds, or X's
     * {@code x-rate-limit-reset} epoch second); other refusals will not.
     */
    public static PlatformError classify(String platform, RestClientResponseException e, Clock clock) {
        int status = e.getStatusCode().value();
        boolean retryable = status == 429 || status >= 500;
        return new PlatformError(
                retryable ? PlatformError.Kind.RETRYABLE : PlatformError.Kind.TERMINAL,
                status,
                retryAfter(e.getResponseHeaders(), clock),
                platform + " answered " + readable(e));
    }

    /** Whether the platform's answer says the call was refused as duplicate content. */
    public static boolean saysDuplicate(RestClientResponseException e) {
        return message(e.getResponseBodyAsString()).toLowerCase(Locale.ROOT).contains("duplicate");
    }

    /** A call that never got an answer: when the request went out, the platform may have acted on it. */
    public static PlatformError unanswered(String platform, ResourceAccessException e, boolean mayHaveActed) {
        boolean timedOut = e.getCause() instanceof java.net.SocketTimeoutException
                && !String.valueOf(e.getMessage()).contains("connect");
        boolean unknown = mayHaveActed && timedOut;
        return new PlatformError(
                unknown ? PlatformError.Kind.UNKNOWN : PlatformError.Kind.RETRYABLE,
                null,
                null,
                (timedOut ? platform + " did not answer in time" : platform + " could not be reached") + ": "
                        + e.getMessage());
    }

    /** An OAuth 2 authorization-code request with PKCE (S256) at {@code endpoint}. */
    public static java.net.URI authorizationUrl(
            String endpoint, String clientId, String redirectUri, String state, String codeChallenge, String scope) {
        return authorizationUrl(
                endpoint, "client_id", clientId, redirectUri, state, codeChallenge, scope, java.util.Map.of());
    }

    /**
     * The same, for platforms that name the client parameter differently (TikTok's {@code client_key})
     * or want more parameters (Google's {@code access_type=offline}).
     */
    public static java.net.URI authorizationUrl(
            String endpoint,
            String clientParameter,
            String clientId,
            String redirectUri,
            String state,
            String codeChallenge,
            String scope,
            java.util.Map<String, String> extra) {
        var url = org.springframework.web.util.UriComponentsBuilder.fromUriString(endpoint)
                .queryParam("response_type", "code")
                .queryParam(clientParameter, clientId)
                .queryParam("redirect_uri", redirectUri)
                .queryParam("state", state)
                .queryParam("scope", scope)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256");
        new java.util.TreeMap<>(extra).forEach((name, value) -> url.queryParam(name, value));
        return url.encode().build().toUri();
    }

    /** The form that trades an authorization code (with its PKCE verifier) for tokens. */
    public static org.springframework.util.LinkedMultiValueMap<String, String> codeGrant(
            String code, String codeVerifier, String redirectUri) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri);
        form.add("code_verifier", codeVerifier);
        return form;
    }

    /** The form that trades a refresh token for new tokens. */
    public static org.springframework.util.LinkedMultiValueMap<String, String> refreshGrant(String refreshToken) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return form;
    }

    public static String excerpt(RestClientResponseException e) {
        String body = e.getResponseBodyAsString();
        return "HTTP " + e.getStatusCode().value() + " " + (body.length() > 300 ? body.substring(0, 300) : body);
    }

    /** The status and the readable part of a refusal, e.g. {@code HTTP 403: You are not allowed to …}. */
    public static String readable(RestClientResponseException e) {
        String message = message(e.getResponseBodyAsString());
        return "HTTP " + e.getStatusCode().value() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * The readable part of a platform's error body: problem details' {@code detail} (X), the
     * {@code message} (LinkedIn, with {@code status} and {@code serviceErrorCode} beside it),
     * OAuth's {@code error_description}, Meta's {@code error.message}, or the {@code title}; X's
     * first {@code errors[]} entry is added when it says more. A body that is not such JSON is
     * given as it is, cut at 300 characters.
     */
    public static String message(@Nullable String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode error = JsonMapper.shared().readTree(text);
                JsonNode first = error.path("errors").path(0);
                String main = firstText(
                        error.path("detail"),
                        error.path("message"),
                        error.path("error_description"),
                        error.path("error").path("message"),
                        error.path("title"),
                        error.path("error"));
                String specific = firstText(first.path("message"), first.path("detail"), first.path("title"));
                if (main != null && specific != null && !specific.equals(main)) {
                    return cut(main + " (" + specific + ")");
                }
                @Nullable String said = main != null ? main : specific;
                if (said != null) {
                    return cut(said);
                }
            } catch (JacksonException e) {
                // not JSON after all: given as it is below
            }
        }
        return cut(text);
    }

    private static @Nullable String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isString() && !candidate.asString().isBlank()) {
                return candidate.asString().strip();
            }
        }
        return null;
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    public static @Nullable Duration retryAfter(@Nullable HttpHeaders headers, Clock clock) {
        if (headers == null) {
            return null;
        }
        String seconds = headers.getFirst("Retry-After");
        if (seconds != null && seconds.strip().matches("\\d{1,6}")) {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        }
        String reset = headers.getFirst("x-rate-limit-reset");
        if (reset != null && reset.strip().matches("\\d{1,12}")) {
            long wait = Long.parseLong(reset.strip()) - clock.instant().getEpochSecond();
            return wait > 0 ? Duration.ofSeconds(Math.min(wait, 24 * 3600)) : null;
        }
        return null;
    }
}
