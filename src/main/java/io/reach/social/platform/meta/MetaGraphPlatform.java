package io.reach.social.platform.meta;

import io.reach.social.PlatformError;
import io.reach.social.platform.OAuth2Platform;
import io.reach.social.platform.PlatformHttp;
import io.reach.social.platform.ProviderRefused;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Meta's three Graph APIs (Facebook, Instagram, Threads) share: calls with the token in an
 * {@code Authorization: Bearer} header, Meta's error codes ({@link GraphErrors}), the usage headers
 * read on every answer ({@link GraphUsage}), the token shapes (a code buys a short-lived token,
 * traded at once for a long-lived one of about 60 days, which is itself traded for a new one to
 * refresh, so the long-lived token doubles as the refresh token), and the insights answers
 * ({@code total_value.value} or a series of {@code values}, demographic breakdowns).
 */
abstract class MetaGraphPlatform extends OAuth2Platform {

    /** Meta does not always say how long a long-lived token lasts; it is about 60 days. */
    static final Duration LONG_LIVED = Duration.ofDays(60);

    private static final Logger log = LoggerFactory.getLogger(MetaGraphPlatform.class);
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    /** The platform's name in messages: Facebook, Instagram, Threads. */
    protected final String label;
    /** The API client with the usage interceptor. */
    protected final RestClient graph;

    MetaGraphPlatform(
            String label,
            String clientId,
            String clientSecret,
            String authBaseUrl,
            String apiBaseUrl,
            Duration readTimeout,
            Clock clock) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.label = label;
        this.graph = http.mutate().requestInterceptor(new GraphUsage(label)).build();
    }

    /** The permissions asked for, comma-separated as Meta writes them. */
    protected abstract String scopes();

    /** Trades the authorization code for a short-lived token; the answer has {@code access_token}. */
    protected abstract @Nullable JsonNode shortLivedToken(String code, String codeVerifier, String redirectUri);

    /** Trades a short-lived token for a long-lived one ({@code access_token}, {@code expires_in}). */
    protected abstract @Nullable JsonNode longLivedToken(String shortLived);

    /** Trades a long-lived token for a new long-lived one. */
    protected abstract @Nullable JsonNode renewedToken(String longLived);

    @Override
    protected final Tokens tokens(LinkedMultiValueMap<String, String> form) {
        if ("refresh_token".equals(form.getFirst("grant_type"))) {
            String current = String.valueOf(form.getFirst("refresh_token"));
            return longLived(tokenCall(() -> renewedToken(current)), scopes());
        }
        JsonNode first = tokenCall(() -> shortLivedToken(
                String.valueOf(form.getFirst("code")),
                String.valueOf(form.getFirst("code_verifier")),
                String.valueOf(form.getFirst("redirect_uri"))));
        JsonNode answer = first.path("data").isArray() ? first.path("data").path(0) : first;
        String shortLived = answer.path("access_token").asString("");
        if (shortLived.isEmpty()) {
            throw new ProviderRefused(label, "no access token in its answer");
        }
        return longLived(tokenCall(() -> longLivedToken(shortLived)), grantedScopes(answer));
    }

    /** The long-lived token, which is also what refreshing trades in. */
    private Tokens longLived(JsonNode body, String scopes) {
        String token = body.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new ProviderRefused(label, "no long-lived access token in its answer");
        }
        long expiresIn = body.path("expires_in").asLong(0);
        Instant expiresAt = clock.instant().plus(expiresIn > 0 ? Duration.ofSeconds(expiresIn) : LONG_LIVED);
        return new Tokens(token, token, expiresAt, scopes);
    }

    private String grantedScopes(JsonNode answer) {
        JsonNode permissions = answer.path("permissions");
        if (permissions.isArray()) {
            return String.join(
                    ",", permissions.valueStream().map(p -> p.asString("")).toList());
        }
        return permissions.isString() ? permissions.asString() : scopes();
    }

    /**
     * A token endpoint call: a refusal is the connection's problem (502 with Meta's reason). Token
     * calls carry codes, secrets and tokens in their query, so no message here repeats the URL.
     */
    private JsonNode tokenCall(Supplier<@Nullable JsonNode> call) {
        try {
            JsonNode body = call.get();
            return body == null ? JsonMapper.shared().createObjectNode() : body;
        } catch (RestClientResponseException e) {
            throw new ProviderRefused(
                    label,
                    GraphErrors.GraphError.of(e)
                            .describe(label, e.getStatusCode().value()));
        } catch (ResourceAccessException e) {
            throw new ProviderRefused(label, "its token endpoint could not be reached");
        } catch (RestClientException e) {
            throw new ProviderRefused(label, "its token endpoint gave an answer Reach could not read");
        }
    }

    /**
     * Instagram's and Threads' authorization dialog: Meta documents no PKCE for them (the sealed
     * state still binds the callback to who started it), and takes the scopes comma-separated.
     */
    protected URI dialogUrl(String endpoint, String state, String redirectUri) {
        return org.springframework.web.util.UriComponentsBuilder.fromUriString(endpoint)
                .queryParam("client_id", clientId())
                .queryParam("redirect_uri", redirectUri)
                .queryParam("response_type", "code")
                .queryParam("scope", scopes())
                .queryParam("state", state)
                .encode()
                .build()
                .toUri();
    }

    /**
     * Instagram's and Threads' code exchange: the code is traded with a form post (to
     * {@code tokenEndpoint}), without PKCE, as their dialogs take none.
     */
    protected @Nullable JsonNode codeTradedByForm(
            RestClient.RequestBodySpec tokenEndpoint, String code, String redirectUri) {
        return tokenEndpoint
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form(
                        "client_id",
                        clientId(),
                        "client_secret",
                        clientSecret(),
                        "grant_type",
                        "authorization_code",
                        "redirect_uri",
                        redirectUri,
                        "code",
                        code))
                .retrieve()
                .body(JsonNode.class);
    }

    /**
     * Instagram's and Threads' long-lived tokens: {@code /access_token} trades a short-lived one
     * ({@code <prefix>_exchange_token}), {@code /refresh_access_token} renews a long-lived one
     * ({@code <prefix>_refresh_token}); {@code grantPrefix} is {@code ig} or {@code th}.
     */
    protected @Nullable JsonNode longLivedTokenFor(String grantPrefix, String shortLived) {
        return graph.get()
                .uri(uri -> uri.path("/access_token")
                        .queryParam("grant_type", grantPrefix + "_exchange_token")
                        .queryParam("client_secret", clientSecret())
                        .queryParam("access_token", shortLived)
                        .build())
                .retrieve()
                .body(JsonNode.class);
    }

    /** See {@link #longLivedTokenFor}. */
    protected @Nullable JsonNode renewedTokenFor(String grantPrefix, String longLived) {
        return graph.get()
                .uri(uri -> uri.path("/refresh_access_token")
                        .queryParam("grant_type", grantPrefix + "_refresh_token")
                        .queryParam("access_token", longLived)
                        .build())
                .retrieve()
                .body(JsonNode.class);
    }

    /**
     * The latest objects on an account's edge ({@code edgePath} such as {@code /v21.0/{owner}/media},
     * with {@code fields}), each with its insights as {@code content} reads them.
     */
    protected List<Content> latest(
            String token,
            String edgePath,
            String owner,
            String fields,
            int limit,
            BiFunction<String, JsonNode, Content> content) {
        JsonNode found = read(
                token,
                uri -> uri.path(edgePath)
                        .queryParam("fields", fields)
                        .queryParam("limit", limit)
                        .build(owner));
        return found.path("data")
                .valueStream()
                .map(item -> content.apply(token, item))
                .toList();
    }

    /** One object (a post, a media object) with {@code fields} and its insights; empty when it is gone. */
    protected Optional<Content> one(
            String token, String version, String id, String fields, BiFunction<String, JsonNode, Content> content) {
        return readIfExists(
                        token,
                        uri -> uri.path(version + "/{id}")
                                .queryParam("fields", fields)
                                .build(id))
                .map(item -> content.apply(token, item));
    }

    /** Reads from the Graph API. */
    protected JsonNode read(String token, Function<UriBuilder, URI> uri) {
        return call(false, () -> get(token, uri));
    }

    /**
     * Reads one object by its id (a post, a media object): empty when Meta says it is gone, so
     * one post is looked up directly instead of being searched for among the recent ones.
     */
    protected Optional<JsonNode> readIfExists(String token, Function<UriBuilder, URI> uri) {
        JsonNode node = call(false, () -> GraphErrors.unlessGone(() -> get(token, uri)));
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    private @Nullable JsonNode get(String token, Function<UriBuilder, URI> uri) {
        return graph.get()
                .uri(uri)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(JsonNode.class);
    }

    /** Posts a form; {@code mayHaveActed} says whether an unanswered call may have changed something. */
    protected JsonNode send(
            String token, Function<UriBuilder, URI> uri, MultiValueMap<String, String> form, boolean mayHaveActed) {
        return call(
                mayHaveActed,
                () -> graph.post()
                        .uri(uri)
                        .headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form)
                        .retrieve()
                        .body(JsonNode.class));
    }

    /** Posts a JSON body. */
    protected JsonNode sendJson(String token, Function<UriBuilder, URI> uri, Object body, boolean mayHaveActed) {
        return call(
                mayHaveActed,
                () -> graph.post()
                        .uri(uri)
                        .headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .body(JsonNode.class));
    }

    /** Deletes a node ({@code DELETE /{id}}); Meta answers {@code {"success": true}}. */
    protected void remove(String token, String version, String id) {
        JsonNode answer = call(
                true,
                () -> graph.delete()
                        .uri(uri -> uri.path(version + "/{id}").build(id))
                        .headers(h -> h.setBearerAuth(token))
                        .retrieve()
                        .body(JsonNode.class));
        if (answer.has("success") && !answer.path("success").asBoolean(false)) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, label + " did not delete " + id);
        }
    }

    private JsonNode call(boolean mayHaveActed, Supplier<@Nullable JsonNode> request) {
        try {
            JsonNode body = request.get();
            return body == null ? JsonMapper.shared().createObjectNode() : body;
        } catch (RestClientResponseException e) {
            throw GraphErrors.classify(label, e);
        } catch (ResourceAccessException e) {
            throw PlatformHttp.unanswered(label, e, mayHaveActed);
        } catch (RestClientException e) {
            // the answer came but could not be read (cut off mid-body, or not JSON): the call may have acted
            throw new PlatformError(
                    mayHaveActed ? PlatformError.Kind.UNKNOWN : PlatformError.Kind.RETRYABLE,
                    null,
                    null,
                    label + " gave an answer Reach could not read: " + e.getMessage());
        }
    }

    /** The {@code id} Meta gave what it made; an answer without one leaves it unknown whether it acted. */
    protected String idOf(JsonNode made, String what) {
        String id = made.path("id").asString("");
        if (id.isEmpty()) {
            throw new PlatformError(
                    PlatformError.Kind.UNKNOWN, null, null, label + " accepted the " + what + " but named no id");
        }
        return id;
    }

    /** Reading the profile happens while connecting: a refusal there is the connection's problem. */
    protected <T> T connecting(Supplier<T> call) {
        try {
            return call.get();
        } catch (PlatformError e) {
            throw new ProviderRefused(label, e.getMessage());
        }
    }

    /**
     * Insights are extra: a metric the account cannot report (too few followers, a metric Meta
     * retired) leaves them out instead of failing the caller. Rate limits and refused tokens still
     * count.
     */
    /** One object's insights ({@code GET {version}/{id}/insights?metric=…}) by metric name; empty where unavailable. */
    protected Map<String, Long> objectInsights(String token, String version, String id, String metrics) {
        return insights(() -> read(
                        token,
                        uri -> uri.path(version + "/{id}/insights")
                                .queryParam("metric", metrics)
                                .build(id)))
                .map(MetaGraphPlatform::insightValues)
                .orElse(Map.of());
    }

    protected Optional<JsonNode> insights(Supplier<JsonNode> call) {
        try {
            return Optional.of(call.get());
        } catch (PlatformError e) {
            if (e.kind() != PlatformError.Kind.TERMINAL || e.isTokenRejected()) {
                throw e;
            }
            log.info("{} insights not available: {}", label, e.getMessage());
            return Optional.empty();
        }
    }

    /** Each metric of an insights answer by name: its total, or the latest value of its series. */
    static Map<String, Long> insightValues(JsonNode answer) {
        Map<String, Long> values = new LinkedHashMap<>();
        answer.path("data").valueStream().forEach(metric -> {
            JsonNode total = metric.path("total_value").path("value");
            if (total.isNumber()) {
                values.put(metric.path("name").asString(""), total.asLong());
                return;
            }
            List<JsonNode> series = metric.path("values").valueStream().toList();
            if (!series.isEmpty() && series.getLast().path("value").isNumber()) {
                values.put(
                        metric.path("name").asString(""),
                        series.getLast().path("value").asLong());
            }
        });
        return values;
    }

    /**
     * The audience from {@code follower_demographics}, one breakdown per request (age, gender,
     * country, city); a breakdown Meta does not report is left empty ({@link GraphDemographics}).
     */
    protected Audience demographics(String token, Function<String, Function<UriBuilder, URI>> request) {
        return GraphDemographics.audience(
                LocalDate.now(clock), breakdown -> insights(() -> read(token, request.apply(breakdown))));
    }

    /**
     * The first post of a Graph list ({@code data}) whose text equals {@code text} and that is no
     * older than {@code since} (a minute's leeway for clocks).
     */
    static Optional<String> findByText(JsonNode page, String textField, String timeField, String text, Instant since) {
        return page.path("data")
                .valueStream()
                .filter(post -> text.equals(post.path(textField).asString("")))
                .filter(post -> {
                    Instant at = time(post.path(timeField).asString(""));
                    return at != null && !at.isBefore(since.minusSeconds(60));
                })
                .map(post -> post.path("id").asString(""))
                .filter(id -> !id.isEmpty())
                .findFirst();
    }

    /** Meta's timestamps ({@code 2024-05-01T12:00:00+0000}), or null when absent or unreadable. */
    static @Nullable Instant time(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException notMeta) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
