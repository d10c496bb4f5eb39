package io.reach.social.platform.linkedin;

import io.reach.social.PlatformError;
import io.reach.social.platform.PlatformHttp;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * What the LinkedIn classes share: calls to the versioned REST API ({@code LinkedIn-Version},
 * Rest.li 2.0 headers) with their refusals classified, the member's URN, and the member's posts
 * (a new post's body, creating it with {@code POST /rest/posts}, listing them with
 * {@code GET /rest/posts?q=author}).
 *
 * <p>Errors: {@code {"status", "serviceErrorCode", "code", "message"}}; a 422 "Content is a
 * duplicate" is terminal. LinkedIn's limits are daily and reset at midnight UTC, and its 429 carries
 * no {@code Retry-After}: Reach waits an hour, or until just after midnight UTC when that is
 * sooner (a burst limit clears within the hour; a spent daily quota opens at midnight, and an
 * hour's wait keeps the remaining attempts from being spent on it in minutes).
 */
final class LinkedInApi {

    static final String VERSION = "202510";
    private static final Duration QUOTA_WAIT = Duration.ofHours(1);

    private final RestClient http;
    private final Clock clock;

    LinkedInApi(RestClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Runs a call, classifying a refusal (duplicates are terminal, a 429 waits for the quota) or a missing answer. */
    <T> T call(Supplier<T> request, boolean mayHaveActed) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            if (status == 422 && PlatformHttp.saysDuplicate(e)) {
                throw new PlatformError(
                        PlatformError.Kind.TERMINAL,
                        422,
                        null,
                        "LinkedIn refused it as a duplicate of a post already published: "
                                + PlatformHttp.message(e.getResponseBodyAsString()));
            }
            PlatformError error = PlatformHttp.classify("LinkedIn", e, clock);
            if (status == 429 && error.retryAfter() == null) {
                throw new PlatformError(
                        PlatformError.Kind.RETRYABLE, 429, quotaWait(clock.instant()), error.getMessage());
            }
            throw error;
        } catch (ResourceAccessException e) {
            throw PlatformHttp.unanswered("LinkedIn", e, mayHaveActed);
        }
    }

    /** How long to wait after a 429 without Retry-After: an hour, or until a minute after midnight UTC if sooner. */
    static Duration quotaWait(Instant now) {
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Duration untilReset = Duration.between(now, midnight).plusMinutes(1);
        return untilReset.compareTo(QUOTA_WAIT) < 0 ? untilReset : QUOTA_WAIT;
    }

    /** The body of a new public post by the member with {@code commentary}; callers add content or a reshare. */
    static Map<String, Object> newPost(SocialProvider.Account account, String commentary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("author", person(account));
        body.put("commentary", commentary);
        body.put("visibility", "PUBLIC");
        body.put("distribution", Map.of("feedDistribution", "MAIN_FEED"));
        body.put("lifecycleState", "PUBLISHED");
        return body;
    }

    /** Creates a post ({@code POST /rest/posts}); returns its URN from {@code x-restli-id}. */
    String createPost(SocialProvider.Account account, Map<String, Object> body) {
        var response = call(
                () -> http.post()
                        .uri("/rest/posts")
                        .headers(h -> restli(h, account.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .toBodilessEntity(),
                true);
        String id = response.getHeaders().getFirst("x-restli-id");
        if (id == null) {
            throw new PlatformError(
                    PlatformError.Kind.UNKNOWN,
                    response.getStatusCode().value(),
                    null,
                    "LinkedIn accepted the post but named no id");
        }
        return id;
    }

    /** The member's latest posts ({@code GET /rest/posts?q=author}). */
    List<JsonNode> posts(SocialProvider.Account account, int count) {
        JsonNode page = call(
                () -> http.get()
                        .uri(uri -> uri.path("/rest/posts")
                                .queryParam("q", "author")
                                .queryParam("author", "{author}")
                                .queryParam("count", count)
                                .build(person(account)))
                        .headers(h -> restli(h, account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        return page == null ? List.of() : page.path("elements").valueStream().toList();
    }

    /** The member's URN, {@code urn:li:person:{id}}. */
    static String person(SocialProvider.Account account) {
        return "urn:li:person:" + account.platformUserId();
    }

    /** The headers of a call to the versioned REST API: the token, {@code LinkedIn-Version} and Rest.li 2.0. */
    static void restli(HttpHeaders headers, String accessToken) {
        headers.setBearerAuth(accessToken);
        headers.set("LinkedIn-Version", VERSION);
        headers.set("X-Restli-Protocol-Version", "2.0.0");
    }
}
