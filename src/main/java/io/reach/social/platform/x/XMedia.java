package io.reach.social.platform.x;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.PlatformMedia;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Uploading a post's media to X before it is posted. Images go in one request to
 * {@code POST /2/media/upload} ({@code media}, {@code media_category=tweet_image}); videos and
 * animated GIFs use the chunked flow, which X now serves on its own endpoints
 * ({@code /2/media/upload/initialize}, {@code /{id}/append} in 4 MB segments,
 * {@code /{id}/finalize}), then {@code GET /2/media/upload?command=STATUS} while
 * {@code processing_info} says pending or in progress. A post takes up to four images or one video.
 *
 * <p>Each medium is fetched by {@link PlatformMedia} first (public hosts only, size-capped), which
 * also waits for X's processing.
 */
final class XMedia {

    private static final int CHUNK = 4 * 1024 * 1024;

    private final RestClient http;
    private final XApi api;
    private final PlatformMedia media;

    XMedia(RestClient http, XApi api, PlatformMedia media) {
        this.http = http;
        this.api = api;
        this.media = media;
    }

    /** Uploads the post's media in order; returns their media ids for {@code media.media_ids}. */
    List<String> upload(String accessToken, List<Publication.Medium> attached) {
        long videos = attached.stream().filter(Publication.Medium::isVideo).count();
        if (attached.size() > 4 || (videos > 0 && attached.size() > 1)) {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL,
                    null,
                    null,
                    "X attaches up to four images or one video to a post, not " + attached.size() + " media"
                            + (videos > 0 ? " with a video" : ""));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < attached.size(); i++) {
            Publication.Medium medium = attached.get(i);
            try (PlatformMedia.Fetched fetched = media.fetch(medium, i)) {
                boolean gif = fetched.contentType().equals("image/gif");
                ids.add(
                        medium.isVideo() || gif
                                ? chunked(accessToken, fetched, medium.isVideo() ? "tweet_video" : "tweet_gif")
                                : simple(accessToken, fetched));
            }
        }
        return ids;
    }

    private String simple(String accessToken, PlatformMedia.Fetched fetched) {
        var form = multipart(
                Map.of("media_category", "tweet_image", "media_type", fetched.contentType()),
                fetched.bytes(),
                fetched.contentType());
        JsonNode uploaded = api.call(
                () -> http.post()
                        .uri("/2/media/upload")
                        .headers(h -> h.setBearerAuth(accessToken))
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(form)
                        .retrieve()
                        .body(JsonNode.class),
                false);
        String id = mediaId(uploaded);
        media.awaitProcessing("X", processing(uploaded), () -> processing(status(accessToken, id)));
        return id;
    }

    private String chunked(String accessToken, PlatformMedia.Fetched fetched, String category) {
        JsonNode initialized = api.call(
                () -> http.post()
                        .uri("/2/media/upload/initialize")
                        .headers(h -> h.setBearerAuth(accessToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of(
                                "media_type",
                                fetched.contentType(),
                                "total_bytes",
                                fetched.size(),
                                "media_category",
                                category))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        String id = mediaId(initialized);
        int segment = 0;
        for (long offset = 0; offset < fetched.size(); offset += CHUNK, segment++) {
            var form = multipart(
                    Map.of("segment_index", Integer.toString(segment)),
                    fetched.range(offset, CHUNK),
                    MediaType.APPLICATION_OCTET_STREAM_VALUE);
            api.call(
                    () -> http.post()
                            .uri("/2/media/upload/{id}/append", id)
                            .headers(h -> h.setBearerAuth(accessToken))
                            .contentType(MediaType.MULTIPART_FORM_DATA)
                            .body(form)
                            .retrieve()
                            .toBodilessEntity(),
                    false);
        }
        // X answers a finalize without a JSON body with "Request body must be a JSON object"
        JsonNode finalized = api.call(
                () -> http.post()
                        .uri("/2/media/upload/{id}/finalize", id)
                        .headers(h -> h.setBearerAuth(accessToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of())
                        .retrieve()
                        .body(JsonNode.class),
                false);
        media.awaitProcessing("X", processing(finalized), () -> processing(status(accessToken, id)));
        return id;
    }

    private @Nullable JsonNode status(String accessToken, String id) {
        return api.call(
                () -> http.get()
                        .uri(uri -> uri.path("/2/media/upload")
                                .queryParam("command", "STATUS")
                                .queryParam("media_id", id)
                                .build())
                        .headers(h -> h.setBearerAuth(accessToken))
                        .retrieve()
                        .body(JsonNode.class),
                false);
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
            case "failed" ->
                PlatformMedia.Processing.failed(info.path("error")
                        .path("message")
                        .asString(info.path("error").path("name").asString("no reason given")));
            default ->
                PlatformMedia.Processing.pending(
                        info.path("check_after_secs").isNumber()
                                ? Duration.ofSeconds(
                                        info.path("check_after_secs").asLong())
                                : null);
        };
    }

    /** {@code data.id} of an upload answer, or the v1-style {@code media_id_string}. */
    private static String mediaId(@Nullable JsonNode answer) {
        String id = answer == null
                ? ""
                : answer.path("data")
                        .path("id")
                        .asString(answer.path("data")
                                .path("media_id_string")
                                .asString(answer.path("media_id_string").asString("")));
        if (id.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null, "X accepted the media but named no id");
        }
        return id;
    }

    /** A multipart form: the {@code fields}, then the {@code media} part, a file of {@code contentType}. */
    private static LinkedMultiValueMap<String, Object> multipart(
            Map<String, String> fields, byte[] bytes, String contentType) {
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
}
