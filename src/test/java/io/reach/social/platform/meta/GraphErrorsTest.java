package io.reach.social.platform.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.social.PlatformError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClientResponseException;

/** How Meta's error answers are classified for whoever retries the call. */
class GraphErrorsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"code\": 190",
                "\"code\": 190, \"error_subcode\": 463",
                "\"code\": 102",
                "\"code\": 190, \"error_subcode\": 467"
            })
    void refusedTokensAskForARefreshWhateverTheStatus(String code) {
        PlatformError error = classify(400, error(code, "Error validating access token"), new HttpHeaders());

        assertThat(error.isTokenRejected()).isTrue();
        assertThat(error.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.getMessage()).contains("Error validating access token");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 17, 32, 613, 80000, 80001, 80002, 80004, 80006, 80014})
    void rateLimitsAreRetryable(int code) {
        PlatformError error = classify(
                400, error("\"code\": " + code, "Calls to this api have exceeded the rate limit."), new HttpHeaders());

        assertThat(error.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(error.isTokenRejected()).isFalse();
    }

    @Test
    void aBusinessUseCaseLimitWaitsAsLongAsMetaEstimates() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Business-Use-Case-Usage", """
                {"112233": [{"type": "pages", "call_count": 100, "total_cputime": 40, "total_time": 35,
                 "estimated_time_to_regain_access": 7}],
                 "445566": [{"type": "instagram", "call_count": 12, "total_cputime": 4, "total_time": 3,
                 "estimated_time_to_regain_access": 0}]}""");
        headers.set("Retry-After", "30");

        PlatformError error =
                classify(400, error("\"code\": 80001", "There have been too many calls to this Page"), headers);

        assertThat(error.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void withoutAnEstimateRetryAfterIsHonouredAndTheAppLimitWaitsAnHour() {
        HttpHeaders retryAfter = new HttpHeaders();
        retryAfter.set("Retry-After", "120");

        assertThat(classify(400, error("\"code\": 17", "User request limit reached"), retryAfter)
                        .retryAfter())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(classify(403, error("\"code\": 4", "Application request limit reached"), new HttpHeaders())
                        .retryAfter())
                .isEqualTo(Duration.ofHours(1));
        assertThat(classify(
                                400,
                                error("\"code\": 613", "Calls within one hour have exceeded the rate"),
                                new HttpHeaders())
                        .retryAfter())
                .isNull();
        PlatformError plain429 = classify(429, "Too Many Requests", retryAfter);
        assertThat(plain429.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(plain429.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void duplicatesAreTerminal() {
        PlatformError coded = classify(400, error("\"code\": 506", "Duplicate status message"), new HttpHeaders());
        PlatformError worded =
                classify(400, error("\"code\": 100", "This looks like a duplicate post"), new HttpHeaders());

        assertThat(coded.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(coded.getMessage()).startsWith("Duplicate content").contains("Duplicate status message");
        assertThat(worded.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(worded.getMessage()).startsWith("Duplicate content");
    }

    @Test
    void passingFaultsAreRetryable() {
        assertThat(classify(500, error("\"code\": 1", "An unknown error occurred"), new HttpHeaders())
                        .kind())
                .isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(classify(503, error("\"code\": 2", "Service temporarily unavailable"), new HttpHeaders())
                        .kind())
                .isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(classify(400, error("\"code\": 2", "Service temporarily unavailable"), new HttpHeaders())
                        .kind())
                .isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(classify(502, "<html>Bad Gateway</html>", new HttpHeaders()).kind())
                .isEqualTo(PlatformError.Kind.RETRYABLE);
    }

    @Test
    void otherRefusalsAreTerminalWithMetasOwnMessage() {
        PlatformError error = classify(
                400,
                error(
                        "\"code\": 100, \"error_subcode\": 2207052, \"fbtrace_id\": \"AbC123\"",
                        "Media download has failed. The media URI doesn't meet our requirements."),
                new HttpHeaders());

        assertThat(error.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(error.isTokenRejected()).isFalse();
        assertThat(error.getMessage())
                .isEqualTo("Facebook answered HTTP 400: Media download has failed. The media URI"
                        + " doesn't meet our requirements. (code 100, subcode 2207052, fbtrace_id AbC123)");
    }

    @Test
    void mediaNotReadyYetIsRetryable() {
        PlatformError error = classify(
                400,
                error("\"code\": 9007, \"error_subcode\": 2207027", "Media ID is not available"),
                new HttpHeaders());

        assertThat(error.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(error.getMessage()).contains("Media still processing");
    }

    @Test
    void onlyAnObjectThatDoesNotExistIsGone() {
        assertThat(gone(400, error("\"code\": 100, \"error_subcode\": 33", "Unsupported get request.")))
                .isTrue();
        assertThat(gone(400, error("\"code\": 100", "(#100) Object does not exist, cannot be loaded")))
                .isTrue();
        assertThat(gone(400, error("\"code\": 33", "(#33) This object does not exist")))
                .isTrue();
        assertThat(gone(404, "Not Found")).isTrue();
        assertThat(gone(400, error("\"code\": 100", "(#100) Tried accessing nonexisting field (media_type)")))
                .isFalse();
        assertThat(gone(404, error("\"code\": 190", "Error validating access token")))
                .isFalse();
        assertThat(gone(400, error("\"code\": 4", "Application request limit reached")))
                .isFalse();
    }

    private static boolean gone(int status, String body) {
        return GraphErrors.GraphError.of(new RestClientResponseException(
                        "refused",
                        status,
                        "",
                        new HttpHeaders(),
                        body.getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8))
                .gone(status);
    }

    private static String error(String code, String message) {
        return "{\"error\": {\"message\": \"%s\", \"type\": \"OAuthException\", %s}}".formatted(message, code);
    }

    private static PlatformError classify(int status, String body, HttpHeaders headers) {
        return GraphErrors.classify(
                "Facebook",
                new RestClientResponseException(
                        "refused", status, "", headers, body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
