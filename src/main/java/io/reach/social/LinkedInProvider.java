package io.reach.social;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;

/**
 * LinkedIn: OAuth 2 authorization code with PKCE ({@code /oauth/v2/authorization},
 * {@code /oauth/v2/accessToken}), the OpenID userinfo profile ({@code /v2/userinfo}) and the
 * versioned REST API ({@code LinkedIn-Version}, Rest.li 2.0; URNs in paths and queries are
 * URL-encoded): posting with media ({@code POST /rest/posts}, id in {@code x-restli-id}), the
 * lookup of the member's posts ({@code GET /rest/posts?q=author}), deleting, comments and likes,
 * reposts, the posts' like and comment counts, and new comments polled as events (LinkedIn offers
 * ordinary apps no webhooks).
 *
 * <p>Media: an image is registered ({@code POST /rest/images?action=initializeUpload}) and its
 * bytes PUT to the {@code uploadUrl}; several images make a {@code multiImage} post. A video is
 * registered ({@code POST /rest/videos?action=initializeUpload}), PUT part by part as the
 * {@code uploadInstructions} say, finalized with the parts' ETags and checked
 * ({@code GET /rest/videos/{urn}}) until {@code AVAILABLE}. A post has images or one video.
 *
 * <p>Counts: LinkedIn reports likes and comments on a member's posts but no reach, impressions,
 * shares or saves (those are for organization pages), so those stay 0. Reading posts, their
 * counts and comments needs the restricted {@code r_member_social} permission, which an app adds
 * to {@code reach.social.linkedin.scopes} once LinkedIn grants it.
 *
 * <p>Errors: {@code {"status", "serviceErrorCode", "code", "message"}}; a 422 "Content is a
 * duplicate" is terminal. LinkedIn's limits are daily and reset at midnight UTC, and its 429 carries
 * no {@code Retry-After}: Reach waits an hour, or until just after midnight UTC when that is
 * sooner (a burst limit clears within the hour; a spent daily quota opens at midnight, and an
 * hour's wait keeps the remaining attempts from being spent on it in minutes).
 */
@Component
class LinkedInProvider extends OAuth2Platform {

    static final String VERSION = "202510";
    private static final Duration QUOTA_WAIT = Duration.ofHours(1);
    private static final int POLLED_POSTS = 20;

    private final PlatformMedia media;
    private final String scopes;

    LinkedInProvider(@Value("${reach.social.linkedin.client-id:}") String clientId,
            @Value("${reach.social.linkedin.client-secret:}") String clientSecret,
            @Value("${reach.social.linkedin.auth-base-url:https://www.linkedin.com}") String authBaseUrl,
            @Value("${reach.social.linkedin.api-base-url:https://api.linkedin.com}") String apiBaseUrl,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout, Clock clock, PlatformMedia media,
            @Value("${reach.social.linkedin.scopes:openid profile email w_member_social}") String scopes) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.media = media;
        this.scopes = scopes;
    }

    @Override
    public String platform() {
        return "linkedin";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(authBaseUrl + "/oauth/v2/authorization", clientId, redirectUri, state, codeChallenge,
                scopes);
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        try {
            JsonNode body = http.post().uri(URI.create(authBaseUrl + "/oauth/v2/accessToken"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
            return parsed("LinkedIn", body);
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("LinkedIn", PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        try {
            JsonNode me = http.get().uri("/v2/userinfo").headers(h -> h.setBearerAuth(accessToken)).retrieve()
                    .body(JsonNode.class);
            if (me == null || !me.path("sub").isString()) {
                throw new ProviderRefused("LinkedIn", "no profile in its answer");
            }
            String sub = me.get("sub").asString();
            String handle = me.path("email").isString() ? me.get("email").asString() : sub;
            return new Profile(sub, handle, me.path("name").isString() ? me.get("name").asString() : null, null,
                    Map.of("picture", me.path("picture").asString("")));
        } catch (RestClientResponseException e) {
            throw new ProviderRefused("LinkedIn", PlatformHttp.excerpt(e));
        }
    }

    /** Uploads the media (if any), then creates the post with {@code content.media} or {@code content.multiImage}. */
    @Override
    public String publish(Account account, Publication publication) {
        Map<String, Object> body = post(account, publication.text());
        List<String> urns = upload(account, publication.media());
        if (urns.size() == 1) {
            Map<String, Object> medium = new LinkedHashMap<>();
            medium.put("id", urns.get(0));
            String title = publication.metadataText("title", "");
            if (publication.hasVideo() && !title.isEmpty()) {
                medium.put("title", title);
            }
            body.put("content", Map.of("media", medium));
        } else if (urns.size() > 1) {
            body.put("content", Map.of("multiImage", Map.of("images", urns.stream().map(urn -> Map.of("id", urn)).toList())));
        }
        return createPost(account, body);
    }

    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String text = publication.text();
        return posts(account, 20).stream()
                .filter(post -> text.equals(post.path("commentary").asString(""))
                        && post.path("createdAt").asLong(0) >= since.toEpochMilli() - 60_000)
                .map(post -> post.path("id").asString("")).filter(id -> !id.isEmpty()).findFirst();
    }

    @Override
    public void delete(Account account, String platformPostId) {
        call(() -> http.delete().uri("/rest/posts/{urn}", platformPostId).headers(h -> {
            restli(h, account.accessToken());
            h.set("X-RestLi-Method", "DELETE");
        }).retrieve().toBodilessEntity(), true);
    }

    /** The member's latest posts with their like and comment counts ({@code GET /rest/socialActions/{urn}}). */
    @Override
    public List<Content> recentContent(Account account, int limit) {
        return posts(account, Math.max(1, Math.min(limit, 100))).stream().map(post -> content(account, post)).toList();
    }

    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        try {
            JsonNode post = call(() -> http.get().uri("/rest/posts/{urn}", platformPostId)
                    .headers(h -> restli(h, account.accessToken())).retrieve().body(JsonNode.class), false);
            return post == null ? Optional.empty() : Optional.of(content(account, post));
        } catch (PlatformError e) {
            if (Integer.valueOf(404).equals(e.httpStatus())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * {@code reply} comments {@code text} on post {@code targetId} (or answers the comment, when
     * {@code targetId} is a comment URN); {@code like} reacts LIKE to {@code targetId};
     * {@code repost} reshares {@code targetId} with {@code text} (if any) as commentary. LinkedIn
     * opens its messaging to no ordinary app, so there is no {@code dm}.
     */
    @Override
    public String act(Account account, Action action) {
        String actor = person(account);
        return switch (action.kind()) {
            case "reply" -> comment(account, required(action.targetId(), "targetId"), required(action.text(), "text"));
            case "like" -> {
                String target = required(action.targetId(), "targetId");
                var response = call(() -> http.post()
                        .uri(uri -> uri.path("/rest/reactions").queryParam("actor", "{actor}").build(actor))
                        .headers(h -> restli(h, account.accessToken())).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("root", target, "reactionType", "LIKE")).retrieve().toBodilessEntity(), true);
                String id = response.getHeaders().getFirst("x-restli-id");
                yield id == null ? target : id;
            }
            case "repost" -> {
                Map<String, Object> body = post(account, action.text() == null ? "" : action.text());
                body.put("reshareContext", Map.of("parent", required(action.targetId(), "targetId")));
                yield createPost(account, body);
            }
            default -> throw unsupported(action.kind() + " actions");
        };
    }

    /**
     * New comments by others on the member's {@value #POLLED_POSTS} latest posts, made after
     * {@code since}, each a {@code new_comment} event keyed by the comment's URN.
     */
    @Override
    public List<PolledEvent> poll(Account account, Instant since) {
        String me = person(account);
        List<PolledEvent> events = new ArrayList<>();
        for (JsonNode post : posts(account, POLLED_POSTS)) {
            String postUrn = post.path("id").asString("");
            if (postUrn.isEmpty()) {
                continue;
            }
            JsonNode page = call(() -> http.get().uri(uri -> uri.path("/rest/socialActions/{urn}/comments")
                    .queryParam("count", 100).build(postUrn)).headers(h -> restli(h, account.accessToken())).retrieve()
                    .body(JsonNode.class), false);
            if (page == null) {
                continue;
            }
            for (JsonNode comment : page.path("elements")) {
                long created = comment.path("created").path("time").asLong(0);
                String actor = comment.path("actor").asString("");
                if (created <= since.toEpochMilli() || actor.equals(me)) {
                    continue;
                }
                String urn = comment.path("$URN").asString(comment.path("commentUrn").asString(""));
                if (urn.isEmpty()) {
                    urn = "urn:li:comment:(" + comment.path("object").asString(postUrn) + "," + comment.path("id").asString("")
                            + ")";
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("post", postUrn);
                payload.put("comment", urn);
                payload.put("actor", actor);
                payload.put("text", comment.path("message").path("text").asString(""));
                payload.put("created_at", Instant.ofEpochMilli(created).toString());
                events.add(new PolledEvent(urn, "new_comment", payload));
            }
        }
        return events;
    }

    /** How long to wait after a 429 without Retry-After: an hour, or until a minute after midnight UTC if sooner. */
    static Duration quotaWait(Instant now) {
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration untilReset = Duration.between(now, midnight).plusMinutes(1);
        return untilReset.compareTo(QUOTA_WAIT) < 0 ? untilReset : QUOTA_WAIT;
    }

    private String comment(Account account, String target, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor", person(account));
        String object = target;
        if (target.startsWith("urn:li:comment:(")) {
            // a comment's URN names its post's activity first: urn:li:comment:(urn:li:activity:1,2)
            object = target.substring("urn:li:comment:(".length(), target.lastIndexOf(','));
            body.put("parentComment", target);
        }
        body.put("object", object);
        body.put("message", Map.of("text", text));
        var response = call(() -> http.post().uri("/rest/socialActions/{urn}/comments", target)
                .headers(h -> restli(h, account.accessToken())).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class), true);
        JsonNode created = response.getBody();
        String urn = created == null ? "" : created.path("$URN").asString(created.path("commentUrn").asString(""));
        if (urn.isEmpty()) {
            urn = response.getHeaders().getFirst("x-restli-id") != null ? response.getHeaders().getFirst("x-restli-id")
                    : created == null ? "" : created.path("id").asString("");
        }
        if (urn.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.UNKNOWN, response.getStatusCode().value(), null,
                    "LinkedIn accepted the comment but named no id");
        }
        return urn;
    }

    private Map<String, Object> post(Account account, String commentary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("author", person(account));
        body.put("commentary", commentary);
        body.put("visibility", "PUBLIC");
        body.put("distribution", Map.of("feedDistribution", "MAIN_FEED"));
        body.put("lifecycleState", "PUBLISHED");
        return body;
    }

    private String createPost(Account account, Map<String, Object> body) {
        var response = call(() -> http.post().uri("/rest/posts").headers(h -> restli(h, account.accessToken()))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity(), true);
        String id = response.getHeaders().getFirst("x-restli-id");
        if (id == null) {
            throw new PlatformError(PlatformError.Kind.UNKNOWN, response.getStatusCode().value(), null,
                    "LinkedIn accepted the post but named no id");
        }
        return id;
    }

    /** The member's latest posts ({@code GET /rest/posts?q=author}). */
    private List<JsonNode> posts(Account account, int count) {
        JsonNode page = call(() -> http.get().uri(uri -> uri.path("/rest/posts").queryParam("q", "author")
                .queryParam("author", "{author}").queryParam("count", count).build(person(account)))
                .headers(h -> restli(h, account.accessToken())).retrieve().body(JsonNode.class), false);
        return page == null ? List.of() : page.path("elements").valueStream().toList();
    }

    private Content content(Account account, JsonNode post) {
        String urn = post.path("id").asString("");
        JsonNode actions = call(() -> http.get().uri("/rest/socialActions/{urn}", urn)
                .headers(h -> restli(h, account.accessToken())).retrieve().body(JsonNode.class), false);
        JsonNode likes = actions == null ? null : actions.path("likesSummary");
        JsonNode comments = actions == null ? null : actions.path("commentsSummary");
        JsonNode content = post.path("content");
        String mediaType = content.has("multiImage") ? "carousel"
                : content.path("media").path("id").asString("").startsWith("urn:li:video:") ? "video"
                        : content.path("media").path("id").asString("").startsWith("urn:li:image:") ? "photo" : "text";
        long posted = post.path("publishedAt").asLong(post.path("createdAt").asLong(0));
        String commentary = post.path("commentary").asString("");
        return new Content(urn, "https://www.linkedin.com/feed/update/" + urn, commentary.isEmpty() ? null : commentary,
                mediaType, Instant.ofEpochMilli(posted), likes == null ? 0 : likes.path("totalLikes").asLong(0),
                comments == null ? 0 : comments.path("aggregatedTotalComments")
                        .asLong(comments.path("totalFirstLevelComments").asLong(0)),
                0, 0, 0, 0);
    }

    private List<String> upload(Account account, List<Publication.Medium> attached) {
        long videos = attached.stream().filter(Publication.Medium::isVideo).count();
        if (videos > 0 && attached.size() > 1) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                    "LinkedIn posts carry images or one video, not " + attached.size() + " media with a video");
        }
        if (attached.size() > 20) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                    "LinkedIn posts carry at most 20 images, not " + attached.size());
        }
        List<String> urns = new ArrayList<>();
        for (int i = 0; i < attached.size(); i++) {
            Publication.Medium medium = attached.get(i);
            try (PlatformMedia.Fetched fetched = media.fetch(medium, i)) {
                urns.add(medium.isVideo() ? video(account, fetched) : image(account, fetched));
            }
        }
        return urns;
    }

    private String image(Account account, PlatformMedia.Fetched fetched) {
        JsonNode registered = call(() -> http.post().uri("/rest/images?action=initializeUpload")
                .headers(h -> restli(h, account.accessToken())).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("initializeUploadRequest", Map.of("owner", person(account)))).retrieve().body(JsonNode.class),
                false);
        String uploadUrl = registered == null ? "" : registered.path("value").path("uploadUrl").asString("");
        String urn = registered == null ? "" : registered.path("value").path("image").asString("");
        if (uploadUrl.isEmpty() || urn.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null, "LinkedIn named no upload URL for the image");
        }
        put(account, uploadUrl, fetched.bytes());
        return urn;
    }

    private String video(Account account, PlatformMedia.Fetched fetched) {
        Map<String, Object> request = Map.of("owner", person(account), "fileSizeBytes", fetched.size(), "uploadCaptions", false,
                "uploadThumbnail", false);
        JsonNode registered = call(() -> http.post().uri("/rest/videos?action=initializeUpload")
                .headers(h -> restli(h, account.accessToken())).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("initializeUploadRequest", request)).retrieve().body(JsonNode.class), false);
        JsonNode value = registered == null ? null : registered.path("value");
        String urn = value == null ? "" : value.path("video").asString("");
        if (urn.isEmpty() || !value.path("uploadInstructions").isArray()) {
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null, "LinkedIn named no upload instructions for the video");
        }
        List<String> etags = new ArrayList<>();
        for (JsonNode part : value.path("uploadInstructions")) {
            long first = part.path("firstByte").asLong(0);
            long last = part.path("lastByte").asLong(fetched.size() - 1);
            String etag = put(account, part.path("uploadUrl").asString(""), fetched.range(first, (int) (last - first + 1)));
            if (etag == null) {
                throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null,
                        "LinkedIn took a video part but returned no ETag for it");
            }
            etags.add(etag);
        }
        Map<String, Object> finalize = Map.of("video", urn, "uploadToken", value.path("uploadToken").asString(""),
                "uploadedPartIds", etags);
        call(() -> http.post().uri("/rest/videos?action=finalizeUpload").headers(h -> restli(h, account.accessToken()))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("finalizeUploadRequest", finalize)).retrieve()
                .toBodilessEntity(), false);
        media.awaitProcessing("LinkedIn", videoStatus(account, urn), () -> videoStatus(account, urn));
        return urn;
    }

    private PlatformMedia.Processing videoStatus(Account account, String urn) {
        JsonNode video = call(() -> http.get().uri("/rest/videos/{urn}", urn).headers(h -> restli(h, account.accessToken()))
                .retrieve().body(JsonNode.class), false);
        String status = video == null ? "" : video.path("status").asString("");
        return switch (status) {
            case "AVAILABLE" -> PlatformMedia.Processing.done();
            case "PROCESSING_FAILED" -> PlatformMedia.Processing.failed(video.path("processingFailureReason")
                    .asString("no reason given"));
            default -> PlatformMedia.Processing.pending(null);
        };
    }

    /** PUTs bytes to an upload URL LinkedIn gave; returns the part's ETag. */
    private @Nullable String put(Account account, String uploadUrl, byte[] bytes) {
        if (uploadUrl.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null, "LinkedIn named no upload URL");
        }
        var response = call(() -> http.put().uri(URI.create(uploadUrl)).headers(h -> h.setBearerAuth(account.accessToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes).retrieve().toBodilessEntity(), false);
        return response.getHeaders().getETag();
    }

    /** Runs a call, classifying a refusal (duplicates are terminal, a 429 waits for the quota) or a missing answer. */
    private <T> T call(Supplier<T> request, boolean mayHaveActed) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            if (status == 422 && PlatformHttp.saysDuplicate(e)) {
                throw new PlatformError(PlatformError.Kind.TERMINAL, 422, null,
                        "LinkedIn refused it as a duplicate of a post already published: "
                                + PlatformHttp.message(e.getResponseBodyAsString()));
            }
            PlatformError error = PlatformHttp.classify("LinkedIn", e, clock);
            if (status == 429 && error.retryAfter() == null) {
                throw new PlatformError(PlatformError.Kind.RETRYABLE, 429, quotaWait(clock.instant()), error.getMessage());
            }
            throw error;
        } catch (ResourceAccessException e) {
            throw PlatformHttp.unanswered("LinkedIn", e, mayHaveActed);
        }
    }

    private static String person(Account account) {
        return "urn:li:person:" + account.platformUserId();
    }

    private static String required(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "LinkedIn needs a " + what + " for this action");
        }
        return value;
    }

    private static void restli(HttpHeaders headers, String accessToken) {
        headers.setBearerAuth(accessToken);
        headers.set("LinkedIn-Version", VERSION);
        headers.set("X-Restli-Protocol-Version", "2.0.0");
    }
}
