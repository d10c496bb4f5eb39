package io.reach.social.platform.meta;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's usage headers, read on every answer: {@code X-App-Usage} ({@code call_count},
 * {@code total_time}, {@code total_cputime} as percentages of the app's hourly allowance) and
 * {@code X-Business-Use-Case-Usage} ({@code {"<business id>": [{"type", "call_count",
 * "total_cputime", "total_time", "estimated_time_to_regain_access"}]}}). A share of 90 % or more is
 * logged as a warning (method and path only, never the query, which can carry a token), so an
 * operator sees a limit coming before posts start waiting for it.
 */
final class GraphUsage implements ClientHttpRequestInterceptor {

    static final int WARN_AT = 90;
    static final String APP_USAGE = "X-App-Usage";
    static final String BUSINESS_USAGE = "X-Business-Use-Case-Usage";
    private static final Logger log = LoggerFactory.getLogger(GraphUsage.class);
    private static final List<String> SHARES = List.of("call_count", "total_time", "total_cputime");

    private final String platform;

    GraphUsage(String platform) {
        this.platform = platform;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        List<String> high = highShares(response.getHeaders());
        if (!high.isEmpty()) {
            log.warn(
                    "{} API usage is close to Meta's limit after {} {}: {}",
                    platform,
                    request.getMethod(),
                    request.getURI().getPath(),
                    String.join(", ", high));
        }
        return response;
    }

    /** Every share at or above {@link #WARN_AT} %, named by header, business id and type. */
    static List<String> highShares(HttpHeaders headers) {
        List<String> high = new ArrayList<>();
        JsonNode app = json(headers.getFirst(APP_USAGE));
        if (app != null) {
            collect(APP_USAGE, app, high);
        }
        JsonNode business = json(headers.getFirst(BUSINESS_USAGE));
        if (business != null) {
            business.propertyStream()
                    .forEach(entry -> entry.getValue()
                            .valueStream()
                            .forEach(usage -> collect(
                                    BUSINESS_USAGE + " " + entry.getKey() + " "
                                            + usage.path("type").asString("?"),
                                    usage,
                                    high)));
        }
        return high;
    }

    /**
     * The longest {@code estimated_time_to_regain_access} (minutes) in the business use case
     * header, or null when the header is absent or names no wait.
     */
    static @Nullable Duration regainAccess(HttpHeaders headers) {
        JsonNode business = json(headers.getFirst(BUSINESS_USAGE));
        if (business == null) {
            return null;
        }
        long minutes = business.propertyStream()
                .flatMap(entry -> entry.getValue().valueStream())
                .mapToLong(
                        usage -> usage.path("estimated_time_to_regain_access").asLong(0))
                .max()
                .orElse(0);
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    private static void collect(String source, JsonNode usage, List<String> high) {
        for (String share : SHARES) {
            long percent = usage.path(share).asLong(0);
            if (percent >= WARN_AT) {
                high.add(source + " " + share + " " + percent + "%");
            }
        }
    }

    private static @Nullable JsonNode json(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JsonMapper.shared().readTree(header);
            return node.isObject() ? node : null;
        } catch (RuntimeException unreadable) {
            log.debug("Unreadable Meta usage header: {}", unreadable.getMessage());
            return null;
        }
    }
}
