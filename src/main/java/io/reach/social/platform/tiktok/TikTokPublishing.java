package io.reach.social.platform.tiktok;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.Captions;
import io.reach.social.platform.JsonErrorBodies;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Publishing to TikTok with the Content Posting API: a video ({@code POST /v2/post/publish/video/init/})
 * or photos ({@code POST /v2/post/publish/content/init/}) that TikTok pulls from their URLs
 * ({@code PULL_FROM_URL}), then {@code POST /v2/post/publish/status/fetch/} until TikTok says how
 * it went.
 *
 * <p>A post still being processed after the configured polls is retryable; the next attempt
 * resumes watching the same {@code publish_id} (kept in memory for a day) instead of posting the
 * video again.
 */
final class TikTokPublishing {

    private static final Duration KEEP_PENDING = Duration.ofHours(24);

    private final RestClient http;
    private final TikTokApi api;
    private final Clock clock;
    private final int statusPolls;
    private final Duration statusPause;
    /** Publish ids TikTok is still processing, by account and publication, so a retry watches instead of re-posting. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(String publishId, Instant until) {}

    TikTokPublishing(RestClient http, TikTokApi api, Clock clock, int statusPolls, Duration statusPause) {
        this.http = http;
        this.api = api;
        this.clock = clock;
        this.statusPolls = Math.max(1, statusPolls);
        this.statusPause = statusPause;
    }

    /**
     * Posts the video (or, without one, the photos) for TikTok to pull from its URL, then watches
     * the publish until TikTok says it is public. Returns the public post id, or the publish id
     * where TikTok names none (a private post, or one sent to the creator's inbox).
     */
    String publish(SocialProvider.Account account, Publication publication) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.until().isBefore(now));
        String key = account.platformUserId() + "\n" + publication.text() + "\n"
                + String.join(
                        "\n",
                        publication.media().stream()
                                .map(Publication.Medium::url)
                                .toList());
        Pending earlier = pending.get(key);
        String publishId;
        if (earlier != null) {
            publishId = earlier.publishId();
        } else {
            publishId = init(account, publication);
            pending.put(key, new Pending(publishId, now.plus(KEEP_PENDING)));
        }
        try {
            String id = awaitPublished(account, publishId);
            pending.remove(key);
            return id;
        } catch (PlatformError e) {
            if (e.kind() == PlatformError.Kind.TERMINAL && !e.isTokenRejected()) {
                pending.remove(key);
            }
            throw e;
        }
    }

    private String init(SocialProvider.Account account, Publication publication) {
        Optional<Publication.Medium> video =
                publication.media().stream().filter(Publication.Medium::isVideo).findFirst();
        List<String> photos = publication.media().stream()
                .filter(m -> m.type().equals("image"))
                .map(Publication.Medium::url)
                .toList();
        Map<String, Object> postInfo = new LinkedHashMap<>();
        Map<String, Object> sourceInfo = new LinkedHashMap<>();
        Map<String, Object> request = new LinkedHashMap<>();
        String path;
        if (video.isPresent()) {
            path = "/v2/post/publish/video/init/";
            postInfo.put("title", publication.text());
            postInfo.put("privacy_level", publication.metadataText("privacy_level", "PUBLIC_TO_EVERYONE"));
            postInfo.put("disable_duet", flag(publication, "disable_duet"));
            postInfo.put("disable_comment", flag(publication, "disable_comment"));
            postInfo.put("disable_stitch", flag(publication, "disable_stitch"));
            if (publication.metadata().get("video_cover_timestamp_ms") instanceof Number cover) {
                postInfo.put("video_cover_timestamp_ms", cover.longValue());
            }
            sourceInfo.put("source", "PULL_FROM_URL");
            sourceInfo.put("video_url", video.get().url());
        } else if (!photos.isEmpty()) {
            path = "/v2/post/publish/content/init/";
            postInfo.put("title", Captions.title(publication, 90));
            postInfo.put("description", publication.text());
            postInfo.put("privacy_level", publication.metadataText("privacy_level", "PUBLIC_TO_EVERYONE"));
            postInfo.put("disable_comment", flag(publication, "disable_comment"));
            postInfo.put(
                    "auto_add_music",
                    !(publication.metadata().get("auto_add_music") instanceof Boolean music) || music);
            sourceInfo.put("source", "PULL_FROM_URL");
            sourceInfo.put("photo_cover_index", 0);
            sourceInfo.put("photo_images", photos);
            request.put("post_mode", "DIRECT_POST");
            request.put("media_type", "PHOTO");
        } else {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL, null, null, "TikTok posts a video or photos; the variant has neither");
        }
        request.put("post_info", postInfo);
        request.put("source_info", sourceInfo);
        JsonNode body = api.call(
                true,
                () -> http.post()
                        .uri(path)
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(request)
                        .retrieve()
                        .body(JsonNode.class));
        String publishId = JsonErrorBodies.text(body.path("data"), "publish_id", "");
        if (publishId.isEmpty()) {
            throw new PlatformError(
                    PlatformError.Kind.UNKNOWN, 200, null, "TikTok accepted the post but named no publish_id");
        }
        return publishId;
    }

    private String awaitPublished(SocialProvider.Account account, String publishId) {
        String status = "";
        for (int poll = 1; poll <= statusPolls; poll++) {
            if (poll > 1) {
                pause();
            }
            JsonNode data = api.call(
                            false,
                            () -> http.post()
                                    .uri("/v2/post/publish/status/fetch/")
                                    .headers(h -> h.setBearerAuth(account.accessToken()))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(Map.of("publish_id", publishId))
                                    .retrieve()
                                    .body(JsonNode.class))
                    .path("data");
            status = JsonErrorBodies.text(data, "status", "");
            switch (status) {
                case "PUBLISH_COMPLETE":
                    return publicPostId(data).orElse(publishId);
                case "SEND_TO_USER_INBOX":
                    return publishId;
                case "FAILED":
                    throw new PlatformError(
                            PlatformError.Kind.TERMINAL,
                            200,
                            null,
                            "TikTok could not publish it: "
                                    + JsonErrorBodies.text(data, "fail_reason", "no reason given") + " (publish_id "
                                    + publishId + ")");
                default:
                    break;
            }
        }
        throw new PlatformError(
                PlatformError.Kind.RETRYABLE,
                200,
                null,
                "TikTok: media still processing (status " + (status.isEmpty() ? "unknown" : status) + ", publish_id "
                        + publishId + ")");
    }

    /** TikTok spells it {@code publicaly_available_post_id}: a list of ids once the post is public. */
    private static Optional<String> publicPostId(JsonNode data) {
        for (String field : List.of("publicaly_available_post_id", "publicly_available_post_id")) {
            JsonNode ids = data.path(field);
            JsonNode first = ids.isArray() ? ids.path(0) : ids;
            String id = first.isValueNode() && !first.isNull() ? first.asString("") : "";
            if (!id.isEmpty() && !id.equals("0")) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private void pause() {
        try {
            Thread.sleep(statusPause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformError(
                    PlatformError.Kind.RETRYABLE, null, null, "Interrupted while TikTok was processing");
        }
    }

    private static boolean flag(Publication publication, String key) {
        return publication.metadata().get(key) instanceof Boolean value && value;
    }
}
