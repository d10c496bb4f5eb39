package io.reach.social;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;

/**
 * X (API v2): OAuth 2 authorization code with PKCE ({@code /i/oauth2/authorize},
 * {@code /2/oauth2/token} with the client's Basic credentials), the profile with its public
 * metrics ({@code /2/users/me}), posting ({@code POST /2/tweets}, media uploaded first), deleting,
 * the lookup of recent posts with their counts ({@code /2/users/{id}/tweets}), followers, replies,
 * likes, reposts and direct messages, and mentions polled as events. Rate limits come back as 429
 * with {@code x-rate-limit-reset}; a 403 for duplicate content is terminal.
 *
 * <p>Media: images go in one request to {@code POST /2/media/upload} ({@code media},
 * {@code media_category=tweet_image}); videos and animated GIFs use the chunked flow, which X now
 * serves on its own endpoints ({@code /2/media/upload/initialize}, {@code /{id}/append} in 4 MB
 * segments, {@code /{id}/finalize}), then {@code GET /2/media/upload?command=STATUS} while
 * {@code processing_info} says pending or in progress. A post takes up to four images or one video.
 *
 * <p>Counts: X reports impressions but no unique reach, so {@link Content#reach()} is the
 * impression count too (which makes the engagement rate interactions per impression).
 */
@Component
class XProvider extends OAuth2Platform {

    static final String SCOPES = "tweet.read tweet.write users.read offline.access media.write follows.read"
            + " like.write dm.read dm.write";
    private static final int CHUNK = 4 * 1024 * 1024;
    private static final int MAX_MENTION_PAGES = 8;
    private static final String TWEET_FIELDS = "created_at,public_metrics,non_public_metrics,attachments";

    private final PlatformMedia media;

    XProvider(@Value("${reach.social.x.client-id:}") String clientId,
            @Value("${reach.social.x.client-secret:}") String clientSecret,
            @Value("${reach.social.x.auth-base-url:https://x.com}") String authBaseUrl,
            @Value("${reach.social.x.api-base-url:https://api.x.com}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout, Clock clock, PlatformMedia media) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.media = media;
    }

    @Override
    public String platform() {
        return "x";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(authBaseUrl + "/i/oauth2/authorize", clientId, redirectUri, state, codeChallenge,
                SCOPES);
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_id", clientId);
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        try {
            JsonNode body = http.post().uri("/2/oauth2/token").header("Authorization", "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
            return parsed("X", body);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("X", PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        try {
            JsonNode me = http.get().uri("/2/users/me?user.fields=public_metrics,verified,profile_image_url")
                    .headers(h -> h.setBearerAuth(accessToken)).retrieve().body(JsonNode.class);
            JsonNode data = me == null ? null : me.path("data");
            if (data == null || !data.path("id").isString()) {
                throw new ProviderRefused("X", "no profile in its answer");
            }
            String username = data.path("username").asString("");
            Map<String, Object> metadata = new HashMap<>();
            JsonNode metrics = data.path("public_metrics");
            metadata.put("followers_count", metrics.path("followers_count").asLong(0));
            metadata.put("following_count", metrics.path("following_count").asLong(0));
            metadata.put("tweet_count", metrics.path("tweet_count").asLong(0));
            metadata.put("verified", data.path("verified").asBoolean(false));
            return new Profile(data.get("id").asString(), "@" + username,
                    data.path("name").isString() ? data.get("name").asString() : null, "https://x.com/" + username, metadata);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("X", PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Optional<Metrics> metrics(Account account) {
        Map<String, Object> counts = profile(account.accessToken()).metadata();
        return Optional.of(Metrics.counts(((Number) counts.get("followers_count")).longValue(),
                ((Number) counts.get("following_count")).longValue(), ((Number) counts.get("tweet_count")).longValue(),
                Map.of("verified", counts.get("verified"))));
    }

    /** Uploads the media (if any), then posts the text with {@code media.media_ids}. */
    @Override
    public String publish(Account account, Publication publication) {
        List<String> mediaIds = upload(account.accessToken(), publication.media());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", publication.text());
        if (!mediaIds.isEmpty()) {
            body.put("media", Map.of("media_ids", mediaIds));
        }
        return createTweet(account, body);
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String text = publication.text();
        JsonNode page = call(() -> http.get().uri(uri -> uri.path("/2/users/{id}/tweets").queryParam("max_results", 20)
                .queryParam("tweet.fields", "created_at").build(account.platformUserId()))
                .headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class), false);
        if (page == null) {
            return Optional.empty();
        }
        return page.path("data").valueStream()
                .filter(post -> text.equals(post.path("text").asString(""))
                        && !Instant.parse(post.path("created_at").asString("1970-01-01T00:00:00Z"))
                                .isBefore(since.minusSeconds(60)))
                .map(post -> post.path("id").asString("")).filter(id -> !id.isEmpty()).findFirst();
    }

    @Override
    public void delete(Account account, String platformPostId) {
        JsonNode answer = call(() -> http.delete().uri("/2/tweets/{id}", platformPostId)
                .headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class), true);
        if (answer != null && answer.path("data").path("deleted").isBoolean() && !answer.path("data").path("deleted").asBoolean()) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "X did not delete post " + platformPostId);
        }
    }

    /** The first page (up to 1,000) of the account's followers, as X lists them: most recent first. */
    @Override
    public Optional<List<Follower>> followers(Account account) {
        JsonNode page = call(() -> http.get().uri(uri -> uri.path("/2/users/{id}/followers")
                .queryParam("user.fields", "profile_image_url,verified,public_metrics").queryParam("max_results", 1000)
                .build(account.platformUserId())).headers(h -> h.setBearerAuth(account.accessToken())).retrieve()
                .body(JsonNode.class), false);
        if (page == null || page.has("errors") && !page.has("data")) {
            return Optional.empty();
        }
        return Optional.of(page.path("data").valueStream().map(user -> new Follower(user.path("id").asString(""),
                user.path("username").asString(""), text(user, "profile_image_url"), user.path("verified").asBoolean(false),
                user.path("public_metrics").path("followers_count").isNumber()
                        ? user.path("public_metrics").path("followers_count").asLong()
                        : null)).toList());
    }

    /**
     * The account's latest posts (X lists 5 to 100 at a time) with likes, replies as comments,
     * reposts plus quotes as shares, bookmarks as saves and impressions (the owner's
     * {@code non_public_metrics} where X gives them, else the public count) as impressions and reach.
     */
    @Override
    public List<Content> recentContent(Account account, int limit) {
        int wanted = Math.max(1, Math.min(limit, 100));
        JsonNode page = call(() -> http.get().uri(uri -> uri.path("/2/users/{id}/tweets")
                .queryParam("tweet.fields", TWEET_FIELDS).queryParam("expansions", "attachments.media_keys")
                .queryParam("media.fields", "type").queryParam("max_results", Math.max(5, wanted))
                .build(account.platformUserId())).headers(h -> h.setBearerAuth(account.accessToken())).retrieve()
                .body(JsonNode.class), false);
        if (page == null) {
            return List.of();
        }
        Map<String, String> mediaTypes = mediaTypes(page);
        return page.path("data").valueStream().limit(wanted).map(tweet -> content(tweet, mediaTypes)).toList();
    }

    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        JsonNode answer = call(() -> http.get().uri(uri -> uri.path("/2/tweets/{id}").queryParam("tweet.fields", TWEET_FIELDS)
                .queryParam("expansions", "attachments.media_keys").queryParam("media.fields", "type")
                .build(platformPostId)).headers(h -> h.setBearerAuth(account.accessToken())).retrieve()
                .body(JsonNode.class), false);
        if (answer == null || !answer.path("data").path("id").isString()) {
            return Optional.empty();
        }
        return Optional.of(content(answer.path("data"), mediaTypes(answer)));
    }

    /**
     * {@code reply} posts {@code text} in reply to post {@code targetId}; {@code like} and
     * {@code repost} act on {@code targetId} (returning the liked post's id, or the repost's id
     * where X names it); {@code dm} sends {@code text} to user {@code recipientId} (returning the
     * message's event id).
     */
    @Override
    public String act(Account account, Action action) {
        String me = account.platformUserId();
        return switch (action.kind()) {
            case "reply" -> createTweet(account, Map.of("text", required(action.text(), "text"), "reply",
                    Map.of("in_reply_to_tweet_id", required(action.targetId(), "targetId"))));
            case "like" -> {
                String target = required(action.targetId(), "targetId");
                post(account, "/2/users/{id}/likes", Map.of("tweet_id", target), me);
                yield target;
            }
            case "repost" -> {
                String target = required(action.targetId(), "targetId");
                JsonNode answer = post(account, "/2/users/{id}/retweets", Map.of("tweet_id", target), me);
                yield answer == null ? target : answer.path("data").path("rest_id").asString(target);
            }
            case "dm" -> {
                JsonNode answer = post(account, "/2/dm_conversations/with/{id}/messages",
                        Map.of("text", required(action.text(), "text")), required(action.recipientId(), "recipientId"));
                String id = answer == null ? "" : answer.path("data").path("dm_event_id").asString("");
                if (id.isEmpty()) {
                    throw new PlatformError(PlatformError.Kind.UNKNOWN, null, null, "X accepted the message but named no id");
                }
                yield id;
            }
            default -> throw unsupported(action.kind() + " actions");
        };
    }

    /**
     * Mentions of the account since {@code since} ({@code GET /2/users/{id}/mentions}, newest
     * first, up to eight pages of 100), each a {@code mention} event keyed by the post's id. X can
     * also deliver these by webhook; polling is the fallback.
     */
    @Override
    public List<PolledEvent> poll(Account account, Instant since) {
        List<PolledEvent> events = new ArrayList<>();
        String start = since.truncatedTo(ChronoUnit.SECONDS).toString();
        @Nullable String token = null;
        for (int page = 0; page < MAX_MENTION_PAGES; page++) {
            String pagination = token;
            JsonNode answer = call(() -> http.get().uri(uri -> {
                uri.path("/2/users/{id}/mentions").queryParam("start_time", start)
                        .queryParam("tweet.fields", "created_at,author_id,conversation_id")
                        .queryParam("expansions", "author_id").queryParam("user.fields", "username")
                        .queryParam("max_results", 100);
                if (pagination != null) {
                    uri.queryParam("pagination_token", pagination);
                }
                return uri.build(account.platformUserId());
            }).headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class), false);
            if (answer == null) {
                break;
            }
            Map<String, String> usernames = new HashMap<>();
            answer.path("includes").path("users").forEach(user ->
                    usernames.put(user.path("id").asString(""), user.path("username").asString("")));
            for (JsonNode tweet : answer.path("data")) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("id", tweet.path("id").asString(""));
                payload.put("text", tweet.path("text").asString(""));
                payload.put("author_id", tweet.path("author_id").asString(""));
                payload.put("author_username", usernames.getOrDefault(tweet.path("author_id").asString(""), ""));
                payload.put("conversation_id", tweet.path("conversation_id").asString(""));
                payload.put("created_at", tweet.path("created_at").asString(""));
                events.add(new PolledEvent(tweet.path("id").asString(""), "mention", payload));
            }
            token = text(answer.path("meta"), "next_token");
            if (token == null) {
                break;
            }
        }
        return events;
    }

    private String createTweet(Account account, Map<String, Object> body) {
        JsonNode created = post(account, "/2/tweets", body, null);
        String id = created == null ? "" : created.path("data").path("id").asString("");
        if (id.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.UNKNOWN, null, null, "X accepted the post but named no id");
        }
        return id;
    }

    /** A JSON POST that creates something: unanswered, X may have acted. */
    private @Nullable JsonNode post(Account account, String path, Object body, @Nullable String pathId) {
        return call(() -> http.post().uri(path, pathId == null ? new Object[0] : new Object[] {pathId})
                .headers(h -> h.setBearerAuth(account.accessToken())).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(JsonNode.class), true);
    }

    private List<String> upload(String accessToken, List<Publication.Medium> attached) {
        long videos = attached.stream().filter(Publication.Medium::isVideo).count();
        if (attached.size() > 4 || (videos > 0 && attached.size() > 1)) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                    "X attaches up to four images or one video to a post, not " + attached.size() + " media"
                            + (videos > 0 ? " with a video" : ""));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < attached.size(); i++) {
            Publication.Medium medium = attached.get(i);
            try (PlatformMedia.Fetched fetched = media.fetch(medium, i)) {
                boolean gif = fetched.contentType().equals("image/gif");
                ids.add(medium.isVideo() || gif
                        ? chunked(accessToken, fetched, medium.isVideo() ? "tweet_video" : "tweet_gif")
                        : simple(accessToken, fetched));
            }
        }
        return ids;
    }

    private String simple(String accessToken, PlatformMedia.Fetched fetched) {
        var form = multipart(Map.of("media_category", "tweet_image", "media_type", fetched.contentType()), fetched.bytes(),
                fetched.contentType());
        JsonNode uploaded = call(() -> http.post().uri("/2/media/upload").headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(JsonNode.class), false);
        String id = mediaId(uploaded);
        media.awaitProcessing("X", processing(uploaded), () -> processing(status(accessToken, id)));
        return id;
    }

    private String chunked(String accessToken, PlatformMedia.Fetched fetched, String category) {
        JsonNode initialized = call(() -> http.post().uri("/2/media/upload/initialize").headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("media_type", fetched.contentType(), "total_bytes",
                        fetched.size(), "media_category", category)).retrieve().body(JsonNode.class), false);
        String id = mediaId(initialized);
        int segment = 0;
        for (long offset = 0; offset < fetched.size(); offset += CHUNK, segment++) {
            var form = multipart(Map.of("segment_index", Integer.toString(segment)), fetched.range(offset, CHUNK),
                    MediaType.APPLICATION_OCTET_STREAM_VALUE);
            call(() -> http.post().uri("/2/media/upload/{id}/append", id).headers(h -> h.setBearerAuth(accessToken))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toBodilessEntity(), false);
        }
        // X answers a finalize without a JSON body with "Request body must be a JSON object"
        JsonNode finalized = call(() -> http.post().uri("/2/media/upload/{id}/finalize", id)
                .headers(h -> h.setBearerAuth(accessToken)).contentType(MediaType.APPLICATION_JSON).body(Map.of())
                .retrieve().body(JsonNode.class), false);
        media.awaitProcessing("X", processing(finalized), () -> processing(status(accessToken, id)));
        return id;
    }

    private @Nullable JsonNode status(String accessToken, String id) {
        return call(() -> http.get().uri(uri -> uri.path("/2/media/upload").queryParam("command", "STATUS")
                .queryParam("media_id", id).build()).headers(h -> h.setBearerAuth(accessToken)).retrieve()
                .body(JsonNode.class), false);
    }

    /** {@code processing_info} of an upload answer: absent or succeeded is done. */
    private static PlatformMedia.Processing processing(@Nullable JsonNode answer) {
        JsonNode info = answer == null ? null : answer.path("data").path("processing_info");
        if (info == null || !info.isObject()) {
            info = answer == null ? null : answer.path("processing_info");
        }
        if (info == null || !info.isObject()) {
            return PlatformMedia.Processing.done();
        }
        return switch (info.path("state").asString("")) {
            case "succeeded", "" -> PlatformMedia.Processing.done();
            case "failed" -> PlatformMedia.Processing.failed(info.path("error").path("message")
                    .asString(info.path("error").path("name").asString("no reason given")));
            default -> PlatformMedia.Processing.pending(info.path("check_after_secs").isNumber()
                    ? Duration.ofSeconds(info.path("check_after_secs").asLong())
                    : null);
        };
    }

    /** {@code data.id} of an upload answer, or the v1-style {@code media_id_string}. */
    private static String mediaId(@Nullable JsonNode answer) {
        String id = answer == null ? "" : answer.path("data").path("id").asString(
                answer.path("data").path("media_id_string").asString(answer.path("media_id_string").asString("")));
        if (id.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null, "X accepted the media but named no id");
        }
        return id;
    }

    private static Map<String, String> mediaTypes(JsonNode answer) {
        Map<String, String> types = new HashMap<>();
        answer.path("includes").path("media").forEach(item ->
                types.put(item.path("media_key").asString(""), item.path("type").asString("")));
        return types;
    }

    private static Content content(JsonNode tweet, Map<String, String> mediaTypes) {
        JsonNode counts = tweet.path("public_metrics");
        JsonNode owner = tweet.path("non_public_metrics");
        long impressions = owner.path("impression_count").isNumber() ? owner.path("impression_count").asLong()
                : counts.path("impression_count").asLong(0);
        List<String> keys = tweet.path("attachments").path("media_keys").valueStream().map(key -> key.asString("")).toList();
        String mediaType = keys.isEmpty() ? "text"
                : keys.size() > 1 ? "carousel"
                        : switch (mediaTypes.getOrDefault(keys.get(0), "photo")) {
                            case "video", "animated_gif" -> "video";
                            default -> "photo";
                        };
        String id = tweet.path("id").asString("");
        return new Content(id, "https://x.com/i/web/status/" + id, text(tweet, "text"), mediaType,
                Instant.parse(tweet.path("created_at").asString("1970-01-01T00:00:00Z")), counts.path("like_count").asLong(0),
                counts.path("reply_count").asLong(0),
                counts.path("retweet_count").asLong(0) + counts.path("quote_count").asLong(0),
                counts.path("bookmark_count").asLong(0), impressions, impressions);
    }

    /** Runs a call, classifying a refusal (a duplicate is terminal and says so) or a missing answer. */
    private <T> T call(Supplier<T> request, boolean mayHaveActed) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 403 && PlatformHttp.saysDuplicate(e)) {
                throw new PlatformError(PlatformError.Kind.TERMINAL, 403, null,
                        "X refused it as duplicate content: " + PlatformHttp.message(e.getResponseBodyAsString()));
            }
            throw PlatformHttp.classify("X", e, clock);
        } catch (ResourceAccessException e) {
            throw PlatformHttp.unanswered("X", e, mayHaveActed);
        }
    }

    /** A multipart form: the {@code fields}, then the {@code media} part, a file of {@code contentType}. */
    private static LinkedMultiValueMap<String, Object> multipart(Map<String, String> fields, byte[] bytes, String contentType) {
        var file = new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "media";
            }
        };
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        var form = new LinkedMultiValueMap<String, Object>();
        new TreeMap<>(fields).forEach(form::add);
        form.add("media", new HttpEntity<>(file, headers));
        return form;
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.path(field).isString() && !node.path(field).asString().isEmpty() ? node.path(field).asString() : null;
    }

    private String required(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "X needs a " + what + " for this action");
        }
        return value;
    }
}
