package io.reach.social.platform.youtube;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.Captions;
import io.reach.social.platform.JsonErrorBodies;
import io.reach.social.platform.PlatformMedia;
import io.reach.social.platform.SocialProvider;
import java.net.URI;
import java.nio.file.Files;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Publishing a video to YouTube with a resumable upload ({@code POST /upload/youtube/v3/videos?
 * uploadType=resumable&part=snippet,status} with the video resource as JSON and the size and type
 * in {@code X-Upload-Content-Length} / {@code X-Upload-Content-Type}; Google answers with the
 * session in {@code Location}, which then takes the bytes in one {@code PUT} and answers with the
 * video resource).
 *
 * <p>The video is fetched by {@link PlatformMedia} first (public hosts only, size-capped, to a
 * temporary file), so its size is always known and the bytes are streamed from the file in one
 * PUT, never held in memory. A timeout on that PUT is UNKNOWN: the video may exist.
 */
final class YouTubeUpload {

    private static final int TITLE_MAX = 100;

    private final RestClient http;
    private final YouTubeApi api;
    private final PlatformMedia media;
    private final String apiBaseUrl;

    YouTubeUpload(RestClient http, YouTubeApi api, PlatformMedia media, String apiBaseUrl) {
        this.http = http;
        this.api = api;
        this.media = media;
        this.apiBaseUrl = apiBaseUrl;
    }

    /** Uploads the variant's first video with its title, description, tags and privacy; returns the video id. */
    String publish(SocialProvider.Account account, Publication publication) {
        List<Publication.Medium> attached = publication.media();
        int index = 0;
        while (index < attached.size() && !attached.get(index).isVideo()) {
            index++;
        }
        if (index == attached.size()) {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL, null, null, "YouTube publishes videos; the variant has none");
        }
        Map<String, Object> resource = videoResource(publication);
        try (PlatformMedia.Fetched fetched = media.fetch(attached.get(index), index)) {
            MediaType type = MediaType.parseMediaType(fetched.contentType());
            URI session = openSession(account, resource, fetched.size(), type);
            JsonNode uploaded = api.call(
                    true,
                    () -> http.put()
                            .uri(session)
                            .headers(h -> h.setBearerAuth(account.accessToken()))
                            .contentType(type)
                            .contentLength(fetched.size())
                            .body(out -> Files.copy(fetched.file(), out))
                            .retrieve()
                            .body(JsonNode.class));
            String id = uploaded == null ? "" : JsonErrorBodies.text(uploaded, "id", "");
            if (id.isEmpty()) {
                throw new PlatformError(
                        PlatformError.Kind.UNKNOWN, null, null, "YouTube took the video but named no id");
            }
            return id;
        }
    }

    private URI openSession(SocialProvider.Account account, Map<String, Object> resource, long length, MediaType type) {
        var response = api.call(
                false,
                () -> http.post()
                        .uri(uri -> uri.path("/upload/youtube/v3/videos")
                                .queryParam("uploadType", "resumable")
                                .queryParam("part", "snippet,status")
                                .build())
                        .headers(h -> {
                            h.setBearerAuth(account.accessToken());
                            h.set("X-Upload-Content-Type", type.toString());
                            h.set("X-Upload-Content-Length", Long.toString(length));
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(resource)
                        .retrieve()
                        .toBodilessEntity());
        String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null || location.isBlank()) {
            throw new PlatformError(
                    PlatformError.Kind.RETRYABLE,
                    response.getStatusCode().value(),
                    null,
                    "YouTube opened no upload session (no Location header)");
        }
        return URI.create(apiBaseUrl + "/").resolve(location.strip());
    }

    /** The video resource: title (metadata {@code title} or the text's first line), description, tags, privacy. */
    static Map<String, Object> videoResource(Publication publication) {
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("title", title(publication));
        // YouTube refuses < and > in titles and descriptions
        snippet.put("description", publication.text().replace("<", "").replace(">", ""));
        List<String> tags = hashtags(publication.metadata().get("hashtags"));
        if (!tags.isEmpty()) {
            snippet.put("tags", tags);
        }
        String category = publication.metadataText("category_id", "");
        if (!category.isEmpty()) {
            snippet.put("categoryId", category);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("privacyStatus", publication.metadataText("privacy_status", "public"));
        if (publication.metadata().get("made_for_kids") instanceof Boolean kids) {
            status.put("selfDeclaredMadeForKids", kids);
        }
        return Map.of("snippet", snippet, "status", status);
    }

    /** The metadata's {@code title} or the text's first line, at most 100 characters, without the {@code <>} YouTube refuses. */
    static String title(Publication publication) {
        String title = Captions.title(publication, TITLE_MAX)
                .replace("<", "")
                .replace(">", "")
                .strip();
        return title.isEmpty() ? "Untitled video" : title;
    }

    private static List<String> hashtags(@Nullable Object hashtags) {
        Collection<?> values = hashtags instanceof Collection<?> list
                ? list
                : hashtags instanceof String text ? List.of(text.split("[,\\s]+")) : List.of();
        Set<String> tags = new LinkedHashSet<>();
        for (Object value : values) {
            String tag = String.valueOf(value).strip().replaceFirst("^#+", "");
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
