package io.reach.social.platform.x;

import io.reach.social.PlatformError;
import io.reach.social.platform.PlatformHttp;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * What the X classes share: calls to the X API v2 with their refusals classified, the JSON POSTs
 * that create something, and creating a post ({@code POST /2/tweets}).
 *
 * <p>X refuses with the HTTP status: rate limits come back as 429 with {@code x-rate-limit-reset},
 * 5xx may pass later, and a 403 for duplicate content is terminal with X's message. A create call
 * that goes unanswered may have been acted on.
 */
final class XApi {

    private final RestClient http;
    private final Clock clock;

    XApi(RestClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Runs a call, classifying a refusal (a duplicate is terminal and says so) or a missing answer. */
    <T> T call(Supplier<T> request, boolean mayHaveActed) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 403 && PlatformHttp.saysDuplicate(e)) {
                throw new PlatformError(
                        PlatformError.Kind.TERMINAL,
                        403,
                        null,
                        "X refused it as duplicate content: " + PlatformHttp.message(e.getResponseBodyAsString()));
            }
            throw PlatformHttp.classify("X", e, clock);
        } catch (ResourceAccessException e) {
            throw PlatformHttp.unanswered("X", e, mayHaveActed);
        }
    }

    /** A JSON POST that creates something: unanswered, X may have acted. */
    @Nullable
    JsonNode post(SocialProvider.Account account, String path, Object body, @Nullable String pathId) {
        return call(
                () -> http.post()
                        .uri(path, pathId == null ? new Object[0] : new Object[] {pathId})
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .body(JsonNode.class),
                true);
    }

    /** Creates a post ({@code POST /2/tweets}) from {@code body}; returns its id. */
    String createTweet(SocialProvider.Account account, Map<String, Object> body) {
        JsonNode created = post(account, "/2/tweets", body, null);
        String id = created == null ? "" : created.path("data").path("id").asString("");
        if (id.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.UNKNOWN, null, null, "X accepted the post but named no id");
        }
        return id;
    }
}
