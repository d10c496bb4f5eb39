package io.reach.social.platform.linkedin;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.PlatformMedia;
import io.reach.social.platform.SocialProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Uploading a post's media to LinkedIn before it is posted. An image is registered
 * ({@code POST /rest/images?action=initializeUpload}) and its bytes PUT to the {@code uploadUrl};
 * several images make a {@code multiImage} post. A video is registered
 * ({@code POST /rest/videos?action=initializeUpload}), PUT part by part as the
 * {@code uploadInstructions} say, finalized with the parts' ETags and checked
 * ({@code GET /rest/videos/{urn}}) until {@code AVAILABLE}. A post has images (at most 20) or one
 * video.
 *
 * <p>Each medium is fetched by {@link PlatformMedia} first (public hosts only, size-capped), which
 * also waits for LinkedIn's processing.
 */
final class LinkedInMedia {

    private final RestClient http;
    private final LinkedInApi api;
    private final PlatformMedia media;

    LinkedInMedia(RestClient http, LinkedInApi api, PlatformMedia media) {
        this.http = http;
        this.api = api;
        this.media = media;
    }

    /** Uploads the post's media in order; returns their image or video URNs. */
    List<String> upload(SocialProvider.Account account, List<Publication.Medium> attached) {
        long videos = attached.stream().filter(Publication.Medium::isVideo).count();
        if (videos > 0 && attached.size() > 1) {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL,
                    null,
                    null,
                    "LinkedIn posts carry images or one video, not " + attached.size() + " media with a video");
        }
        if (attached.size() > 20) {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL,
                    null,
                    null,
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

    private String image(SocialProvider.Account account, PlatformMedia.Fetched fetched) {
        JsonNode registered = api.call(
                () -> http.post()
                        .uri("/rest/images?action=initializeUpload")
                        .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("initializeUploadRequest", Map.of("owner", LinkedInApi.person(account))))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        String uploadUrl = registered == null
                ? ""
                : registered.path("value").path("uploadUrl").asString("");
        String urn =
                registered == null ? "" : registered.path("value").path("image").asString("");
        if (uploadUrl.isEmpty() || urn.isEmpty()) {
            throw new PlatformError(
                    PlatformError.Kind.RETRYABLE, null, null, "LinkedIn named no upload URL for the image");
        }
        put(account, uploadUrl, fetched.bytes());
        return urn;
    }

    private String video(SocialProvider.Account account, PlatformMedia.Fetched fetched) {
        Map<String, Object> request = Map.of(
                "owner",
                LinkedInApi.person(account),
                "fileSizeBytes",
                fetched.size(),
                "uploadCaptions",
                false,
                "uploadThumbnail",
                false);
        JsonNode registered = api.call(
                () -> http.post()
                        .uri("/rest/videos?action=initializeUpload")
                        .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("initializeUploadRequest", request))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        JsonNode value = registered == null ? null : registered.path("value");
        String urn = value == null ? "" : value.path("video").asString("");
        if (value == null || urn.isEmpty() || !value.path("uploadInstructions").isArray()) {
            throw new PlatformError(
                    PlatformError.Kind.RETRYABLE, null, null, "LinkedIn named no upload instructions for the video");
        }
        List<String> etags = new ArrayList<>();
        for (JsonNode part : value.path("uploadInstructions")) {
            long first = part.path("firstByte").asLong(0);
            long last = part.path("lastByte").asLong(fetched.size() - 1);
            String etag =
                    put(account, part.path("uploadUrl").asString(""), fetched.range(first, (int) (last - first + 1)));
            if (etag == null) {
                throw new PlatformError(
                        PlatformError.Kind.RETRYABLE,
                        null,
                        null,
                        "LinkedIn took a video part but returned no ETag for it");
            }
            etags.add(etag);
        }
        Map<String, Object> finalize =
                Map.of("video", urn, "uploadToken", value.path("uploadToken").asString(""), "uploadedPartIds", etags);
        api.call(
                () -> http.post()
                        .uri("/rest/videos?action=finalizeUpload")
                        .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("finalizeUploadRequest", finalize))
                        .retrieve()
                        .toBodilessEntity(),
                false);
        media.awaitProcessing("LinkedIn", videoStatus(account, urn), () -> videoStatus(account, urn));
        return urn;
    }

    private PlatformMedia.Processing videoStatus(SocialProvider.Account account, String urn) {
        JsonNode video = api.call(
                () -> http.get()
                        .uri("/rest/videos/{urn}", urn)
                        .headers(h -> LinkedInApi.restli(h, account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        String status = video == null ? "" : video.path("status").asString("");
        return switch (status) {
            case "AVAILABLE" -> PlatformMedia.Processing.done();
            case "PROCESSING_FAILED" ->
                PlatformMedia.Processing.failed(
                        video.path("processingFailureReason").asString("no reason given"));
            default -> PlatformMedia.Processing.pending(null);
        };
    }

    /** PUTs bytes to an upload URL LinkedIn gave; returns the part's ETag. */
    private @Nullable String put(SocialProvider.Account account, String uploadUrl, byte[] bytes) {
        if (uploadUrl.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null, "LinkedIn named no upload URL");
        }
        var response = api.call(
                () -> http.put()
                        .uri(URI.create(uploadUrl))
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .body(bytes)
                        .retrieve()
                        .toBodilessEntity(),
                false);
        return response.getHeaders().getETag();
    }
}
