package io.reach.social.platform.linkedin;

import io.reach.social.PlatformError;
import io.reach.social.platform.ActionInputs;
import io.reach.social.platform.SocialProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * What happens around a LinkedIn member's posts: their like and comment counts
 * ({@code GET /rest/socialActions/{urn}}), comments and replies
 * ({@code POST /rest/socialActions/{urn}/comments}), likes ({@code POST /rest/reactions}),
 * reshares (a post with {@code reshareContext}), and new comments polled as events (LinkedIn
 * offers ordinary apps no webhooks).
 *
 * <p>Counts: LinkedIn reports likes and comments on a member's posts but no reach, impressions,
 * shares or saves (those are for organization pages), so those stay 0. Reading posts, their
 * counts and comments needs the restricted {@code r_member_social} permission, which an app adds
 * to {@code reach.social.linkedin.scopes} once LinkedIn grants it.
 */
final class LinkedInSocialActions {

    private static final int POLLED_POSTS = 20;

    private final RestClient http;
    private final LinkedInApi api;
    private final Function<String, PlatformError> unsupported;

    /** {@code unsupported} names what LinkedIn cannot do, as the adapter reports it. */
    LinkedInSocialActions(RestClient http, LinkedInApi api, Function<String, PlatformError> unsupported) {
        this.http = http;
        this.api = api;
        this.unsupported = unsupported;
    }

    /** The member's latest posts with their like and comment counts ({@code GET /rest/socialActions/{urn}}). */
    List<SocialProvider.Content> recentContent(SocialProvider.Account account, int limit) {
        return api.posts(account, Math.max(1, Math.min(limit, 100))).stream()
                .map(post -> content(account, post))
                .toList();
    }

    Optional<SocialProvider.Content> content(SocialProvider.Account account, String platformPostId) {
        try {
            JsonNode post = api.call(
                    () -> http.get()
                            .uri("/rest/posts/{urn}", platformPostId)
                            .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                            .retrieve()
                            .body(JsonNode.class),
                    false);
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
    String act(SocialProvider.Account account, SocialProvider.Action action) {
        String actor = LinkedInApi.person(account);
        return switch (action.kind()) {
            case "reply" -> comment(account, required(action.targetId(), "targetId"), required(action.text(), "text"));
            case "like" -> {
                String target = required(action.targetId(), "targetId");
                var response = api.call(
                        () -> http.post()
                                .uri(uri -> uri.path("/rest/reactions")
                                        .queryParam("actor", "{actor}")
                                        .build(actor))
                                .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(Map.of("root", target, "reactionType", "LIKE"))
                                .retrieve()
                                .toBodilessEntity(),
                        true);
                String id = response.getHeaders().getFirst("x-restli-id");
                yield id == null ? target : id;
            }
            case "repost" -> {
                Map<String, Object> body = LinkedInApi.newPost(account, action.text() == null ? "" : action.text());
                body.put("reshareContext", Map.of("parent", required(action.targetId(), "targetId")));
                yield api.createPost(account, body);
            }
            default -> throw unsupported.apply(action.kind() + " actions");
        };
    }

    /**
     * New comments by others on the member's {@value #POLLED_POSTS} latest posts, made after
     * {@code since}, each a {@code new_comment} event keyed by the comment's URN.
     */
    List<SocialProvider.PolledEvent> poll(SocialProvider.Account account, Instant since) {
        String me = LinkedInApi.person(account);
        List<SocialProvider.PolledEvent> events = new ArrayList<>();
        for (JsonNode post : api.posts(account, POLLED_POSTS)) {
            String postUrn = post.path("id").asString("");
            if (postUrn.isEmpty()) {
                continue;
            }
            JsonNode page = api.call(
                    () -> http.get()
                            .uri(uri -> uri.path("/rest/socialActions/{urn}/comments")
                                    .queryParam("count", 100)
                                    .build(postUrn))
                            .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                            .retrieve()
                            .body(JsonNode.class),
                    false);
            if (page == null) {
                continue;
            }
            for (JsonNode comment : page.path("elements")) {
                long created = comment.path("created").path("time").asLong(0);
                String actor = comment.path("actor").asString("");
                if (created <= since.toEpochMilli() || actor.equals(me)) {
                    continue;
                }
                String urn =
                        comment.path("$URN").asString(comment.path("commentUrn").asString(""));
                if (urn.isEmpty()) {
                    urn = "urn:li:comment:(" + comment.path("object").asString(postUrn) + ","
                            + comment.path("id").asString("") + ")";
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("post", postUrn);
                payload.put("comment", urn);
                payload.put("actor", actor);
                payload.put("text", comment.path("message").path("text").asString(""));
                payload.put("created_at", Instant.ofEpochMilli(created).toString());
                events.add(new SocialProvider.PolledEvent(urn, "new_comment", payload));
            }
        }
        return events;
    }

    private String comment(SocialProvider.Account account, String target, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor", LinkedInApi.person(account));
        String object = target;
        if (target.startsWith("urn:li:comment:(")) {
            // a comment's URN names its post's activity first: urn:li:comment:(urn:li:activity:1,2)
            object = target.substring("urn:li:comment:(".length(), target.lastIndexOf(','));
            body.put("parentComment", target);
        }
        body.put("object", object);
        body.put("message", Map.of("text", text));
        var response = api.call(
                () -> http.post()
                        .uri("/rest/socialActions/{urn}/comments", target)
                        .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .toEntity(JsonNode.class),
                true);
        JsonNode created = response.getBody();
        String urn = created == null
                ? ""
                : created.path("$URN").asString(created.path("commentUrn").asString(""));
        if (urn.isEmpty()) {
            urn = response.getHeaders().getFirst("x-restli-id") != null
                    ? response.getHeaders().getFirst("x-restli-id")
                    : created == null ? "" : created.path("id").asString("");
        }
        if (urn.isEmpty()) {
            throw new PlatformError(
                    PlatformError.Kind.UNKNOWN,
                    response.getStatusCode().value(),
                    null,
                    "LinkedIn accepted the comment but named no id");
        }
        return urn;
    }

    private SocialProvider.Content content(SocialProvider.Account account, JsonNode post) {
        String urn = post.path("id").asString("");
        JsonNode actions = api.call(
                () -> http.get()
                        .uri("/rest/socialActions/{urn}", urn)
                        .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        JsonNode likes = actions == null ? null : actions.path("likesSummary");
        JsonNode comments = actions == null ? null : actions.path("commentsSummary");
        JsonNode content = post.path("content");
        String mediaType = content.has("multiImage")
                ? "carousel"
                : content.path("media").path("id").asString("").startsWith("urn:li:video:")
                        ? "video"
                        : content.path("media").path("id").asString("").startsWith("urn:li:image:") ? "photo" : "text";
        long posted = post.path("publishedAt").asLong(post.path("createdAt").asLong(0));
        String commentary = post.path("commentary").asString("");
        return new SocialProvider.Content(
                urn,
                "https://www.linkedin.com/feed/update/" + urn,
                commentary.isEmpty() ? null : commentary,
                mediaType,
                Instant.ofEpochMilli(posted),
                likes == null ? 0 : likes.path("totalLikes").asLong(0),
                comments == null
                        ? 0
                        : comments.path("aggregatedTotalComments")
                                .asLong(comments.path("totalFirstLevelComments").asLong(0)),
                0,
                0,
                0,
                0);
    }

    private static String required(@Nullable String value, String what) {
        return ActionInputs.required(value, "LinkedIn needs a " + what + " for this action");
    }
}
