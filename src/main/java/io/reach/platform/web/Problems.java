package io.reach.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems Reach answers with; every one carries the request id and, inside a
 * request, its path as {@code instance}. Wording is one style: titles in sentence case, details
 * without a closing full stop (Spring's own "Not Found" and "… is not present." are brought in line).
 */
public final class Problems {

    public static final String TYPE_BASE = "urn:reach:problem:";

    /** The path of the request this thread serves, set by {@link RequestIdFilter} (filters run outside Spring's request scope). */
    private static final ThreadLocal<@Nullable String> CURRENT_PATH = new ThreadLocal<>();

    private static final Set<String> REASON_PHRASES =
            Arrays.stream(HttpStatus.values()).map(HttpStatus::getReasonPhrase).collect(Collectors.toUnmodifiableSet());

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, withoutFullStop(detail));
        problem.setTitle(sentenceCase(title));
        problem.setType(URI.create(TYPE_BASE + slug(title)));
        URI instance = instance(CURRENT_PATH.get());
        if (instance != null) {
            problem.setInstance(instance);
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("request_id", requestId);
        }
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A refusal that names the rule (Spring Security's own "Access Denied" says nothing, so it gets the generic words). */
    public static ProblemDetail forbidden(@Nullable String reason) {
        return of(
                HttpStatusCode.valueOf(403),
                "Forbidden",
                reason == null || reason.isBlank() || reason.equalsIgnoreCase("Access Denied")
                        ? "Your credentials do not allow this request"
                        : reason);
    }

    /** An unknown path, whatever the method: a plain 404 that does not guess at files or routes. */
    public static ProblemDetail unknownPath() {
        return of(HttpStatusCode.valueOf(404), "Not found", "Nothing is found at this path");
    }

    static @Nullable String enterPath(@Nullable String path) {
        String previous = CURRENT_PATH.get();
        CURRENT_PATH.set(path);
        return previous;
    }

    static void leavePath(@Nullable String previous) {
        if (previous == null) {
            CURRENT_PATH.remove();
        } else {
            CURRENT_PATH.set(previous);
        }
    }

    /** The path as a URI reference; a path the URI grammar refuses is quoted rather than dropped. */
    static @Nullable URI instance(@Nullable String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            try {
                return new URI(null, null, path, null);
            } catch (URISyntaxException stillBad) {
                return null;
            }
        }
    }

    /** "Method Not Allowed" → "Method not allowed": only HTTP reason phrases, whose words are never names. */
    static String sentenceCase(String title) {
        if (title.length() < 2 || !REASON_PHRASES.contains(title)) {
            return title;
        }
        return title.charAt(0) + title.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String withoutFullStop(String detail) {
        return detail.endsWith(".") && !detail.endsWith("..") ? detail.substring(0, detail.length() - 1) : detail;
    }

    static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
