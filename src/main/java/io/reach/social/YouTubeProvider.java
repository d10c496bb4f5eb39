package io.reach.social;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;

/**
 * YouTube: Google OAuth 2 with PKCE and offline access ({@code /o/oauth2/v2/auth}, the token
 * endpoint {@code reach.social.youtube.token-url}), the YouTube Data API v3 (the channel as the
 * profile, resumable video upload, the uploads playlist, comments, ratings) and the YouTube
 * Analytics API v2 (the last 28 days' views and interactions, the audience).
 *
 * <p>The video is streamed from the medium's URL into the upload session, never held whole in
 * memory. Google explains refusals in {@code error.errors[].reason}: {@code quotaExceeded} waits
 * until the daily quota resets at midnight Pacific time, {@code uploadLimitExceeded} an hour,
 * rate limits and 5xx as Retry-After says; a 401 is refreshed once; anything else is final with
 * Google's message. YouTube sends no comment webhooks, so new comments are polled.
 */
@Component
class YouTubeProvider extends OAuth2Platform {

    static final String SCOPES = String.join(" ", "https://www.googleapis.com/auth/youtube.upload",
            "https://www.googleapis.com/auth/youtube.readonly", "https://www.googleapis.com/auth/youtube.force-ssl",
            "https://www.googleapis.com/auth/yt-analytics.readonly");
    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final int TITLE_MAX = 100;
    private static final int ANALYTICS_DAYS = 28;
    private static final int POLL_PAGES = 5;

    private static final int UPLOAD_UNIT = 256 * 1024;

    private final String apiBaseUrl;
    private final int chunkBytes;
    private final String tokenUrl;
    private final RestClient analytics;

    YouTubeProvider(@Value("${reach.social.youtube.client-id:}") String clientId,
            @Value("${reach.social.youtube.client-secret:}") String clientSecret,
            @Value("${reach.social.youtube.auth-base-url:https://accounts.google.com}") String authBaseUrl,
            @Value("${reach.social.youtube.api-base-url:https://www.googleapis.com}") String apiBaseUrl,
            @Value("${reach.social.youtube.token-url:https://oauth2.googleapis.com/token}") String tokenUrl,
            @Value("${reach.social.youtube.analytics-base-url:https://youtubeanalytics.googleapis.com}") String analyticsBaseUrl,
            @Value("${reach.social.youtube.upload-chunk-bytes:8388608}") int chunkBytes,
            @Value("${reach.social.http-read-timeout:30s}") Duration readTimeout, Clock clock) {
        super(clientId, clientSecret, authBaseUrl, apiBaseUrl, readTimeout, clock);
        this.apiBaseUrl = apiBaseUrl;
        // Google takes chunks in multiples of 256 KiB
        this.chunkBytes = Math.max(1, chunkBytes / UPLOAD_UNIT) * UPLOAD_UNIT;
        this.tokenUrl = tokenUrl;
        this.analytics = PlatformHttp.client(analyticsBaseUrl, readTimeout);
    }

    @Override
    public String platform() {
        return "youtube";
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return PlatformHttp.authorizationUrl(authBaseUrl + "/o/oauth2/v2/auth", "client_id", clientId, redirectUri, state,
                codeChallenge, SCOPES, Map.of("access_type", "offline", "prompt", "consent",
                        "include_granted_scopes", "true"));
    }

    @Override
    protected Tokens tokens(LinkedMultiValueMap<String, String> form) {
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        try {
            JsonNode body = http.post().uri(URI.create(tokenUrl)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve().body(JsonNode.class);
            return parsed("YouTube", body);
        } catch (RestClientResponseException e) {
            JsonNode body = JsonErrorBodies.bodyOf(e);
            throw new ProviderRefused("YouTube", body.path("error_description").isString()
                    ? body.path("error").asString("") + ": " + body.get("error_description").asString()
                    : PlatformHttp.excerpt(e));
        }
    }

    @Override
    public Profile profile(String accessToken) {
        JsonNode channel;
        try {
            channel = myChannel(accessToken, "snippet,statistics");
        } catch (PlatformError e) {
            throw new ProviderRefused("YouTube", e.getMessage());
        }
        if (channel.isMissingNode()) {
            throw new ProviderRefused("YouTube", "the Google account has no YouTube channel");
        }
        String id = channel.get("id").asString();
        JsonNode snippet = channel.path("snippet");
        JsonNode statistics = channel.path("statistics");
        String customUrl = JsonErrorBodies.text(snippet, "customUrl", "");
        String title = JsonErrorBodies.text(snippet, "title", "");
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("followers_count", JsonErrorBodies.count(statistics, "subscriberCount"));
        metadata.put("video_count", JsonErrorBodies.count(statistics, "videoCount"));
        metadata.put("view_count", JsonErrorBodies.count(statistics, "viewCount"));
        metadata.put("hidden_subscriber_count", statistics.path("hiddenSubscriberCount").asBoolean(false));
        metadata.put("thumbnail_url", JsonErrorBodies.text(snippet.path("thumbnails").path("default"), "url", ""));
        return new Profile(id, customUrl.isEmpty() ? (title.isEmpty() ? id : title) : customUrl,
                title.isEmpty() ? null : title,
                customUrl.isEmpty() ? "https://www.youtube.com/channel/" + id : "https://www.youtube.com/" + customUrl,
                metadata);
    }

    /** The token's own channel ({@code mine=true}); a missing node when the Google account has none. */
    private JsonNode myChannel(String accessToken, String parts) {
        JsonNode body = call(false, () -> http.get().uri(uri -> uri.path("/youtube/v3/channels").queryParam("part", parts)
                .queryParam("mine", true).build()).headers(h -> h.setBearerAuth(accessToken)).retrieve()
                .body(JsonNode.class));
        JsonNode channel = body == null ? null : body.path("items").path(0);
        return channel == null || !channel.path("id").isString() ? tools.jackson.databind.node.MissingNode.getInstance()
                : channel;
    }

    /**
     * Uploads the variant's video with a resumable upload: the session is opened with the video's
     * snippet and status, then the bytes are streamed from the medium's URL into it. A timeout
     * while Google takes the bytes is UNKNOWN (the video may exist).
     */
    @Override
    public String publish(Account account, Publication publication) {
        Publication.Medium video = publication.media().stream().filter(Publication.Medium::isVideo).findFirst()
                .orElseThrow(() -> new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                        "YouTube publishes videos; the variant has none"));
        URI source = mediaUri(video.url());
        Map<String, Object> resource = videoResource(publication);
        try {
            return http.get().uri(source).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 300) {
                    throw new PlatformError(status >= 500 || status == 429 ? PlatformError.Kind.RETRYABLE
                            : PlatformError.Kind.TERMINAL, null, null,
                            "The video at " + source + " could not be fetched (HTTP " + status + ")");
                }
                long length = response.getHeaders().getContentLength();
                MediaType type = videoType(response.getHeaders().getContentType(), video.format());
                URI session = openUpload(account, resource, length, type);
                return upload(account, session, response.getBody(), length, type);
            }, true);
        } catch (ResourceAccessException e) {
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null,
                    "The video at " + source + " could not be fetched: " + e.getMessage());
        }
    }

    private URI openUpload(Account account, Map<String, Object> resource, long length, MediaType type) {
        var response = call(false, () -> http.post()
                .uri(uri -> uri.path("/upload/youtube/v3/videos").queryParam("uploadType", "resumable")
                        .queryParam("part", "snippet,status").build())
                .headers(h -> {
                    h.setBearerAuth(account.accessToken());
                    h.set("X-Upload-Content-Type", type.toString());
                    if (length >= 0) {
                        h.set("X-Upload-Content-Length", Long.toString(length));
                    }
                }).contentType(MediaType.APPLICATION_JSON).body(resource).retrieve().toBodilessEntity());
        String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null || location.isBlank()) {
            throw new PlatformError(PlatformError.Kind.RETRYABLE, response.getStatusCode().value(), null,
                    "YouTube opened no upload session (no Location header)");
        }
        return URI.create(apiBaseUrl + "/").resolve(location.strip());
    }

    /**
     * Sends the bytes to the upload session. With a known length, one streamed PUT; without one
     * (the source answered chunked), PUTs of {@code chunkBytes} each with a {@code Content-Range}
     * (Google answers 308 until the last), so at most one chunk is held in memory.
     */
    private String upload(Account account, URI session, InputStream bytes, long length, MediaType type) {
        JsonNode uploaded;
        if (length >= 0) {
            uploaded = call(true, () -> http.put().uri(session).headers(h -> h.setBearerAuth(account.accessToken()))
                    .contentType(type).contentLength(length).body(out -> bytes.transferTo(out)).retrieve()
                    .body(JsonNode.class));
        } else {
            uploaded = uploadInChunks(account, session, new java.io.PushbackInputStream(bytes, 1), type);
        }
        String id = uploaded == null ? "" : JsonErrorBodies.text(uploaded, "id", "");
        if (id.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.UNKNOWN, null, null, "YouTube took the video but named no id");
        }
        return id;
    }

    private @Nullable JsonNode uploadInChunks(Account account, URI session, java.io.PushbackInputStream bytes,
            MediaType type) {
        byte[] chunk = new byte[chunkBytes];
        long offset = 0;
        while (true) {
            int read;
            boolean last;
            try {
                read = bytes.readNBytes(chunk, 0, chunk.length);
                int next = read < chunk.length ? -1 : bytes.read();
                last = next < 0;
                if (!last) {
                    bytes.unread(next);
                }
            } catch (java.io.IOException e) {
                throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null,
                        "The video could not be read from its URL: " + e.getMessage());
            }
            if (read == 0 && offset == 0) {
                throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "The video at its URL is empty");
            }
            String range = read == 0 ? "bytes */" + offset
                    : "bytes " + offset + "-" + (offset + read - 1) + "/" + (last ? Long.toString(offset + read) : "*");
            int size = read;
            var answer = call(last, () -> http.put().uri(session).headers(h -> {
                h.setBearerAuth(account.accessToken());
                h.set(HttpHeaders.CONTENT_RANGE, range);
            }).contentType(type).contentLength(size).body(out -> out.write(chunk, 0, size)).retrieve()
                    .toEntity(JsonNode.class));
            if (answer.getStatusCode().value() != 308) {
                return answer.getBody();
            }
            if (last) {
                throw new PlatformError(PlatformError.Kind.UNKNOWN, 308, null,
                        "YouTube still wants bytes after the whole video was sent");
            }
            offset += read;
        }
    }

    /** The video resource: title (metadata {@code title} or the text's first line), description, tags, privacy. */
    Map<String, Object> videoResource(Publication publication) {
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
        String title = Captions.title(publication, TITLE_MAX).replace("<", "").replace(">", "").strip();
        return title.isEmpty() ? "Untitled video" : title;
    }

    private static List<String> hashtags(@Nullable Object hashtags) {
        Collection<?> values = hashtags instanceof Collection<?> list ? list
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

    private static URI mediaUri(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "The video's URL is not a URL: " + url);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "The video's URL is not http(s): " + url);
        }
        return uri;
    }

    private static MediaType videoType(@Nullable MediaType served, @Nullable String format) {
        if (served != null && served.getType().equals("video") && !served.isWildcardSubtype()) {
            return served;
        }
        return switch (format == null ? "" : format.toLowerCase()) {
            case "mov" -> MediaType.parseMediaType("video/quicktime");
            case "webm" -> MediaType.parseMediaType("video/webm");
            case "avi" -> MediaType.parseMediaType("video/x-msvideo");
            case "mp4" -> MediaType.parseMediaType("video/mp4");
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }

    /** A video of the channel's uploads with this one's title, added since {@code since}. */
    @Override
    public Optional<String> findPublished(Account account, Publication publication, Instant since) {
        String title = title(publication);
        Instant after = since.minusSeconds(60);
        return uploads(account, 25).stream()
                .filter(item -> title.equals(JsonErrorBodies.text(item.path("snippet"), "title", ""))
                        && !instant(item.path("snippet"), "publishedAt").isBefore(after))
                .map(YouTubeProvider::videoIdOf).filter(id -> !id.isEmpty()).findFirst();
    }

    /** The newest items of the channel's uploads playlist (which, unlike search, lists private videos too). */
    private List<JsonNode> uploads(Account account, int limit) {
        JsonNode channels = call(false, () -> http.get().uri(uri -> uri.path("/youtube/v3/channels")
                .queryParam("part", "contentDetails").queryParam("id", account.platformUserId()).build())
                .headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class));
        String playlist = channels == null ? ""
                : JsonErrorBodies.text(channels.path("items").path(0).path("contentDetails").path("relatedPlaylists"),
                        "uploads", "");
        List<JsonNode> items = new ArrayList<>();
        if (playlist.isEmpty()) {
            return items;
        }
        String pageToken = "";
        while (items.size() < limit) {
            String token = pageToken;
            int size = Math.min(50, limit - items.size());
            JsonNode page = call(false, () -> http.get().uri(uri -> {
                var builder = uri.path("/youtube/v3/playlistItems").queryParam("part", "snippet,contentDetails")
                        .queryParam("playlistId", playlist).queryParam("maxResults", size);
                return (token.isEmpty() ? builder : builder.queryParam("pageToken", token)).build();
            }).headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class));
            if (page == null) {
                break;
            }
            page.path("items").valueStream().limit(limit - items.size()).forEach(items::add);
            pageToken = JsonErrorBodies.text(page, "nextPageToken", "");
            if (pageToken.isEmpty()) {
                break;
            }
        }
        return items;
    }

    private static String videoIdOf(JsonNode playlistItem) {
        return JsonErrorBodies.text(playlistItem.path("contentDetails"), "videoId",
                JsonErrorBodies.text(playlistItem.path("snippet").path("resourceId"), "videoId", ""));
    }

    /** Deletes the video; one that is already gone counts as deleted. */
    @Override
    public void delete(Account account, String platformPostId) {
        try {
            call(true, () -> http.delete().uri(uri -> uri.path("/youtube/v3/videos").queryParam("id", platformPostId).build())
                    .headers(h -> h.setBearerAuth(account.accessToken())).retrieve().toBodilessEntity());
        } catch (PlatformError e) {
            if (!Integer.valueOf(404).equals(e.httpStatus())) {
                throw e;
            }
        }
    }

    /**
     * Channel statistics (subscribers, videos, lifetime views) and, from YouTube Analytics, the
     * last 28 days' views (as reach), likes + comments + shares (as engagement) and subscribers
     * gained and lost. Where the channel's analytics are refused for good, the counts alone.
     */
    @Override
    public Optional<Metrics> metrics(Account account) {
        JsonNode channel = myChannel(account.accessToken(), "statistics");
        if (channel.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode statistics = channel.path("statistics");
        Map<String, Object> extra = new TreeMap<>();
        extra.put("hidden_subscriber_count", statistics.path("hiddenSubscriberCount").asBoolean(false));
        extra.put("view_count", JsonErrorBodies.count(statistics, "viewCount"));
        long views = 0;
        long engagement = 0;
        try {
            Map<String, Long> period = report(account, "views,likes,comments,shares,subscribersGained,subscribersLost", null)
                    .stream().findFirst().map(row -> {
                        Map<String, Long> values = new HashMap<>();
                        row.forEach((name, value) -> values.put(name, value instanceof Number n ? n.longValue() : 0L));
                        return values;
                    }).orElse(Map.of());
            views = period.getOrDefault("views", 0L);
            engagement = period.getOrDefault("likes", 0L) + period.getOrDefault("comments", 0L)
                    + period.getOrDefault("shares", 0L);
            extra.put("period_days", ANALYTICS_DAYS);
            for (String name : List.of("views", "likes", "comments", "shares", "subscribersGained", "subscribersLost")) {
                extra.put("period_" + snake(name), period.getOrDefault(name, 0L));
            }
        } catch (PlatformError e) {
            if (e.kind() != PlatformError.Kind.TERMINAL || e.isTokenRejected()) {
                throw e;
            }
            extra.put("analytics_unavailable", e.getMessage());
        }
        return Optional.of(new Metrics(JsonErrorBodies.count(statistics, "subscriberCount"), 0,
                JsonErrorBodies.count(statistics, "videoCount"), views, 0, engagement, 0, extra));
    }

    /**
     * The last 28 days' viewers by age group and gender ({@code viewerPercentage}, applied to the
     * period's views so that the buckets are counts) and views by country.
     */
    @Override
    public Optional<Audience> audience(Account account) {
        Map<String, Long> countries = new TreeMap<>();
        for (Map<String, Object> row : report(account, "views", "country")) {
            if (row.get("country") instanceof String country && row.get("views") instanceof Number views) {
                countries.merge(country, views.longValue(), Long::sum);
            }
        }
        long total = countries.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> ageShares = new TreeMap<>();
        Map<String, Double> genderShares = new TreeMap<>();
        for (Map<String, Object> row : report(account, "viewerPercentage", "ageGroup,gender")) {
            if (row.get("ageGroup") instanceof String age && row.get("gender") instanceof String gender
                    && row.get("viewerPercentage") instanceof Number share) {
                ageShares.merge(ageRange(age), share.doubleValue(), Double::sum);
                genderShares.merge(gender.toLowerCase(), share.doubleValue(), Double::sum);
            }
        }
        Map<String, Long> ages = new TreeMap<>();
        ageShares.forEach((range, share) -> ages.put(range, Math.round(total * share / 100.0)));
        Map<String, Long> genders = new TreeMap<>();
        genderShares.forEach((gender, share) -> genders.put(gender, Math.round(total * share / 100.0)));
        return Optional.of(new Audience(today(), ages, genders, countries, Map.of(), Map.of(), Map.of()));
    }

    /** "age18-24" → "18-24", "age65-" → "65+". */
    private static String ageRange(String group) {
        String range = group.startsWith("age") ? group.substring(3) : group;
        return range.endsWith("-") ? range.substring(0, range.length() - 1) + "+" : range;
    }

    /** One YouTube Analytics report of the channel over the last 28 days: its rows by column name. */
    private List<Map<String, Object>> report(Account account, String metrics, @Nullable String dimensions) {
        LocalDate end = today();
        LocalDate start = end.minusDays(ANALYTICS_DAYS - 1);
        JsonNode table = call(false, () -> analytics.get().uri(uri -> {
            var builder = uri.path("/v2/reports").queryParam("ids", "channel==MINE")
                    .queryParam("startDate", start.toString()).queryParam("endDate", end.toString())
                    .queryParam("metrics", metrics);
            return (dimensions == null ? builder : builder.queryParam("dimensions", dimensions)).build();
        }).headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (table == null) {
            return rows;
        }
        List<String> columns = table.path("columnHeaders").valueStream()
                .map(header -> JsonErrorBodies.text(header, "name", "")).toList();
        table.path("rows").valueStream().forEach(row -> {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < columns.size() && i < row.size(); i++) {
                JsonNode cell = row.get(i);
                values.put(columns.get(i), cell.isNumber() ? cell.numberValue() : cell.asString(""));
            }
            rows.add(values);
        });
        return rows;
    }

    /** The channel's newest uploads with their counts ({@code videos?part=statistics,snippet}); reach is the view count. */
    @Override
    public List<Content> recentContent(Account account, int limit) {
        List<String> ids = uploads(account, limit).stream().map(YouTubeProvider::videoIdOf).filter(id -> !id.isEmpty())
                .toList();
        List<Content> content = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 50) {
            content.addAll(videos(account, ids.subList(from, Math.min(ids.size(), from + 50))));
        }
        return content;
    }

    @Override
    public Optional<Content> content(Account account, String platformPostId) {
        return videos(account, List.of(platformPostId)).stream().findFirst();
    }

    private List<Content> videos(Account account, List<String> ids) {
        JsonNode body = call(false, () -> http.get().uri(uri -> uri.path("/youtube/v3/videos")
                .queryParam("part", "statistics,snippet").queryParam("id", String.join(",", ids)).build())
                .headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class));
        if (body == null) {
            return List.of();
        }
        return body.path("items").valueStream().map(video -> {
            String id = JsonErrorBodies.text(video, "id", "");
            JsonNode snippet = video.path("snippet");
            JsonNode statistics = video.path("statistics");
            String title = JsonErrorBodies.text(snippet, "title", "");
            return new Content(id, "https://www.youtube.com/watch?v=" + id, title.isEmpty() ? null : title, "video",
                    instant(snippet, "publishedAt"), JsonErrorBodies.count(statistics, "likeCount"),
                    JsonErrorBodies.count(statistics, "commentCount"), 0, 0, JsonErrorBodies.count(statistics, "viewCount"), 0);
        }).filter(content -> !content.platformPostId().isEmpty()).toList();
    }

    /**
     * {@code reply} under a video (a new comment thread) or to a comment (a reply; a reply's id
     * names its thread before the dot), and {@code like} a video. A video id is 11 characters.
     */
    @Override
    public String act(Account account, Action action) {
        String target = action.targetId() == null ? "" : action.targetId();
        if (target.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "A " + action.kind() + " needs a target");
        }
        boolean video = VIDEO_ID.matcher(target).matches();
        switch (action.kind()) {
            case "reply" -> {
                String text = action.text() == null ? "" : action.text();
                if (text.isBlank()) {
                    throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "A reply needs text");
                }
                Map<String, Object> body = video
                        ? Map.of("snippet", Map.of("videoId", target, "topLevelComment",
                                Map.of("snippet", Map.of("textOriginal", text))))
                        : Map.of("snippet", Map.of("parentId", target.split("\\.", 2)[0], "textOriginal", text));
                String path = video ? "/youtube/v3/commentThreads" : "/youtube/v3/comments";
                JsonNode made = call(true, () -> http.post().uri(uri -> uri.path(path).queryParam("part", "snippet").build())
                        .headers(h -> h.setBearerAuth(account.accessToken())).contentType(MediaType.APPLICATION_JSON)
                        .body(body).retrieve().body(JsonNode.class));
                String id = made == null ? "" : JsonErrorBodies.text(made, "id", "");
                if (id.isEmpty()) {
                    throw new PlatformError(PlatformError.Kind.UNKNOWN, null, null, "YouTube took the comment but named no id");
                }
                return id;
            }
            case "like" -> {
                if (!video) {
                    throw unsupported("liking comments");
                }
                call(true, () -> http.post().uri(uri -> uri.path("/youtube/v3/videos/rate").queryParam("id", target)
                        .queryParam("rating", "like").build()).headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve().toBodilessEntity());
                return target;
            }
            default -> throw unsupported(action.kind() + " actions");
        }
    }

    /**
     * New comments on the channel's videos since {@code since} ({@code commentThreads} newest
     * first, a few pages at most), as {@code new_comment} events; the channel's own comments are
     * left out.
     */
    @Override
    public List<PolledEvent> poll(Account account, Instant since) {
        String channel = account.platformUserId();
        List<PolledEvent> events = new ArrayList<>();
        String pageToken = "";
        for (int page = 0; page < POLL_PAGES; page++) {
            String token = pageToken;
            JsonNode body = call(false, () -> http.get().uri(uri -> {
                var builder = uri.path("/youtube/v3/commentThreads").queryParam("part", "snippet")
                        .queryParam("allThreadsRelatedToChannelId", channel).queryParam("order", "time")
                        .queryParam("maxResults", 100);
                return (token.isEmpty() ? builder : builder.queryParam("pageToken", token)).build();
            }).headers(h -> h.setBearerAuth(account.accessToken())).retrieve().body(JsonNode.class));
            if (body == null) {
                break;
            }
            boolean older = false;
            for (JsonNode thread : body.path("items").valueStream().toList()) {
                JsonNode comment = thread.path("snippet").path("topLevelComment");
                JsonNode snippet = comment.path("snippet");
                Instant published = instant(snippet, "publishedAt");
                if (!published.isAfter(since)) {
                    older = true;
                    break;
                }
                String author = JsonErrorBodies.text(snippet.path("authorChannelId"), "value", "");
                String commentId = JsonErrorBodies.text(comment, "id", JsonErrorBodies.text(thread, "id", ""));
                if (commentId.isEmpty() || author.equals(channel)) {
                    continue;
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("video_id", JsonErrorBodies.text(thread.path("snippet"), "videoId",
                        JsonErrorBodies.text(snippet, "videoId", "")));
                payload.put("comment_id", commentId);
                payload.put("thread_id", JsonErrorBodies.text(thread, "id", commentId));
                payload.put("author", JsonErrorBodies.text(snippet, "authorDisplayName", ""));
                payload.put("author_channel_id", author);
                payload.put("text", JsonErrorBodies.text(snippet, "textOriginal", JsonErrorBodies.text(snippet, "textDisplay", "")));
                payload.put("published_at", published.toString());
                events.add(new PolledEvent(commentId, "new_comment", payload));
            }
            pageToken = JsonErrorBodies.text(body, "nextPageToken", "");
            if (older || pageToken.isEmpty()) {
                break;
            }
        }
        return events;
    }

    private <T> T call(boolean mayHaveActed, java.util.function.Supplier<T> call) {
        return JsonErrorBodies.call("YouTube", mayHaveActed, call, this::classify);
    }

    private PlatformError classify(RestClientResponseException e) {
        return classify(e.getStatusCode().value(), e.getResponseHeaders(), JsonErrorBodies.bodyOf(e));
    }

    /**
     * Google's {@code error.errors[0].reason}: the daily quota waits until it resets (midnight
     * Pacific time), the upload limit an hour, rate limits as Retry-After says; a 401 is a refused
     * token; otherwise the status decides, with Google's message.
     */
    PlatformError classify(int status, @Nullable HttpHeaders headers, JsonNode body) {
        JsonNode error = body.path("error");
        String reason = JsonErrorBodies.text(error.path("errors").path(0), "reason", "");
        String message = "YouTube answered HTTP " + status + (reason.isEmpty() ? "" : " " + reason) + ": "
                + JsonErrorBodies.text(error, "message", body.isMissingNode() ? "no details" : body.toString());
        if (status == 401) {
            return PlatformError.tokenRejected(status, message);
        }
        return switch (reason) {
            case "quotaExceeded", "dailyLimitExceeded" -> JsonErrorBodies.retryable(status, untilQuotaResets(), message);
            case "uploadLimitExceeded" -> JsonErrorBodies.retryable(status, Duration.ofHours(1), message);
            case "rateLimitExceeded", "userRateLimitExceeded" ->
                JsonErrorBodies.retryable(status, PlatformHttp.retryAfter(headers, clock), message);
            default -> JsonErrorBodies.byStatus(status, headers, clock, message);
        };
    }

    /** YouTube's daily quota resets at midnight Pacific time. */
    Duration untilQuotaResets() {
        ZonedDateTime now = clock.instant().atZone(QUOTA_ZONE);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(QUOTA_ZONE));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(JsonErrorBodies.text(node, field, "1970-01-01T00:00:00Z"));
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
