package io.reach.social.platform.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.PlatformMedia;
import io.reach.social.platform.ProviderRefused;
import io.reach.social.platform.SocialProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The YouTube adapter alone against WireMock speaking Google OAuth, the Data API v3 and the Analytics API v2. */
class YouTubeProviderTest {

    /** 05:00 in Los Angeles (PDT, UTC−7): YouTube's quota resets in 19 hours. */
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static final String CHANNEL = "UCx7Zt0Kc2n1nB1bKQbQ5T2w";
    private static final SocialProvider.Account ACCOUNT = new SocialProvider.Account("ya29.youtube", CHANNEL);
    private static WireMockServer google;

    private YouTubeProvider provider;

    @BeforeAll
    static void start() {
        google = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        google.start();
    }

    @AfterAll
    static void stop() {
        google.stop();
    }

    @BeforeEach
    void adapter() {
        google.resetAll();
        provider = youTube(new PlatformMedia(true, 2, Duration.ofMillis(10), Duration.ofSeconds(2)));
    }

    private static YouTubeProvider youTube(PlatformMedia media) {
        return new YouTubeProvider(
                "yt-client",
                "yt-secret",
                google.baseUrl(),
                google.baseUrl(),
                google.baseUrl() + "/token",
                google.baseUrl(),
                Duration.ofMillis(500),
                Clock.fixed(NOW, ZoneOffset.UTC),
                media);
    }

    @Test
    void theAuthorizationUrlAsksForOfflineAccessToTheFourScopesWithPkce() {
        URI url = provider.authorizationUrl("st4te", "ch4llenge", "https://reach.example/callback");

        assertThat(url.getPath()).isEqualTo("/o/oauth2/v2/auth");
        assertThat(query(url.getRawQuery()))
                .containsEntry("client_id", "yt-client")
                .containsEntry("access_type", "offline")
                .containsEntry("prompt", "consent")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge", "ch4llenge")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry(
                        "scope",
                        "https://www.googleapis.com/auth/youtube.upload "
                                + "https://www.googleapis.com/auth/youtube.readonly https://www.googleapis.com/auth/youtube.force-ssl "
                                + "https://www.googleapis.com/auth/yt-analytics.readonly");
    }

    @Test
    void tokensComeFromTheConfiguredTokenUrlWithTheClientCredentialsInTheForm() {
        google.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token": "ya29.a0", "expires_in": 3599, "refresh_token": "1//0g-refresh",
                         "scope": "https://www.googleapis.com/auth/youtube.upload", "token_type": "Bearer"}""")));
        google.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(
                        okJson("{\"access_token\": \"ya29.a1\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));

        SocialProvider.Tokens tokens = provider.exchange("4/0Ab-code", "verifier", "https://reach.example/callback");
        SocialProvider.Tokens renewed = provider.refresh("1//0g-refresh");

        assertThat(tokens.refreshToken()).isEqualTo("1//0g-refresh");
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
        assertThat(renewed.accessToken()).isEqualTo("ya29.a1");
        assertThat(renewed.refreshToken()).isNull();
        assertThat(query(google.findAll(postRequestedFor(urlPathEqualTo("/token")))
                        .get(0)
                        .getBodyAsString()))
                .containsEntry("client_id", "yt-client")
                .containsEntry("client_secret", "yt-secret")
                .containsEntry("code", "4/0Ab-code")
                .containsEntry("code_verifier", "verifier");

        google.stubFor(
                post(urlPathEqualTo("/token"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));
        assertThatThrownBy(() -> provider.refresh("1//0g-refresh"))
                .isInstanceOf(ProviderRefused.class)
                .hasMessageContaining("Token has been expired or revoked.");
    }

    @Test
    void theProfileIsTheTokensChannel() {
        stubChannel();

        SocialProvider.Profile profile = provider.profile("ya29.youtube");

        assertThat(profile.platformUserId()).isEqualTo(CHANNEL);
        assertThat(profile.handle()).isEqualTo("@adacodes");
        assertThat(profile.displayName()).isEqualTo("Ada Codes");
        assertThat(profile.url()).isEqualTo("https://www.youtube.com/@adacodes");
        assertThat(profile.metadata())
                .containsEntry("followers_count", 15400L)
                .containsEntry("video_count", 87L)
                .containsEntry("hidden_subscriber_count", false);
        google.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/channels"))
                .withQueryParam("part", equalTo("snippet,statistics"))
                .withQueryParam("mine", equalTo("true")));

        google.stubFor(
                get(urlPathEqualTo("/youtube/v3/channels"))
                        .willReturn(
                                okJson(
                                        "{\"kind\": \"youtube#channelListResponse\", \"pageInfo\": {\"totalResults\": 0}, \"items\": []}")));
        assertThatThrownBy(() -> provider.profile("ya29.youtube"))
                .isInstanceOf(ProviderRefused.class)
                .hasMessageContaining("no YouTube channel");
    }

    @Test
    void aVideoIsStreamedFromItsUrlIntoAResumableUpload() {
        byte[] bytes = bytes(300_000);
        google.stubFor(get(urlPathEqualTo("/media/launch.mp4"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withHeader("Content-Length", "300000")
                        .withBody(bytes)));
        google.stubFor(
                post(urlPathEqualTo("/upload/youtube/v3/videos"))
                        .withQueryParam("uploadType", equalTo("resumable"))
                        .withQueryParam("part", equalTo("snippet,status"))
                        .withHeader("Authorization", equalTo("Bearer ya29.youtube"))
                        .withHeader("X-Upload-Content-Length", equalTo("300000"))
                        .withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                        .withRequestBody(equalToJson("""
                        {"snippet": {"title": "Launch day", "description": "Launch day\\nEverything we shipped today",
                                     "tags": ["reach", "launch"]},
                         "status": {"privacyStatus": "unlisted"}}""", false, false))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader(
                                                "Location",
                                                google.baseUrl()
                                                        + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=xa298sd_f&part=snippet,status")));
        google.stubFor(
                put(urlPathEqualTo("/upload/youtube/v3/videos"))
                        .withQueryParam("upload_id", equalTo("xa298sd_f"))
                        .willReturn(
                                okJson(
                                        "{\"kind\": \"youtube#video\", \"id\": \"dQw4w9WgXcQ\", \"status\": {\"uploadStatus\": \"uploaded\"}}")));

        String id = provider.publish(
                ACCOUNT,
                new Publication(
                        "Launch day\nEverything we shipped <today>",
                        List.of(new Publication.Medium("video", google.baseUrl() + "/media/launch.mp4", "mp4")),
                        Map.of("hashtags", List.of("#reach", "launch"), "privacy_status", "unlisted")));

        assertThat(id).isEqualTo("dQw4w9WgXcQ");
        var upload = google.findAll(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(upload).hasSize(1);
        assertThat(upload.get(0).getBody()).isEqualTo(bytes);
        assertThat(upload.get(0).getHeader("Content-Length")).isEqualTo("300000");
        assertThat(upload.get(0).getHeader("Content-Type")).isEqualTo("video/mp4");
    }

    @Test
    void aVideoServedWithoutALengthIsStillSentInOnePutWithItsSize() {
        byte[] bytes = bytes(300_000);
        google.stubFor(get(urlPathEqualTo("/media/stream.mp4"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody(bytes)));
        google.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Location", "/upload/youtube/v3/videos?uploadType=resumable&upload_id=streamed")));
        google.stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("upload_id", equalTo("streamed"))
                .willReturn(okJson("{\"kind\": \"youtube#video\", \"id\": \"streamVid01\"}")));

        assertThat(provider.publish(ACCOUNT, clip("stream.mp4"))).isEqualTo("streamVid01");

        var session = google.findAll(postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(session).hasSize(1);
        assertThat(session.get(0).getHeader("X-Upload-Content-Length"))
                .as("the fetched file's size")
                .isEqualTo("300000");
        assertThat(session.get(0).getHeader("X-Upload-Content-Type"))
                .as("the variant's format names the type")
                .isEqualTo("video/mp4");
        var puts = google.findAll(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).getHeader("Content-Length")).isEqualTo("300000");
        assertThat(puts.get(0).containsHeader("Content-Range")).isFalse();
        assertThat(puts.get(0).getBody()).isEqualTo(bytes);
    }

    @Test
    void aVideoOnAPrivateAddressIsRefusedBeforeYouTubeIsAsked() {
        google.stubFor(get(urlPathEqualTo("/media/internal.mp4"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(new byte[1024])));
        YouTubeProvider guarded = youTube(new PlatformMedia(false, 2, Duration.ofMillis(10), Duration.ofSeconds(2)));

        PlatformError refused =
                catchThrowableOfType(PlatformError.class, () -> guarded.publish(ACCOUNT, clip("internal.mp4")));

        assertThat(refused.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(refused).hasMessageContaining("private address");
        assertThat(google.findAll(getRequestedFor(urlPathEqualTo("/media/internal.mp4"))))
                .isEmpty();
        assertThat(google.findAll(postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))))
                .isEmpty();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void theTitleIsTheMetadatasOrTheFirstLineCutTo100Characters() {
        String longLine = "🎬".repeat(120);
        Publication plain = new Publication(longLine + "\nsecond line", List.of(), Map.of());
        Publication titled = new Publication("text", List.of(), Map.of("title", "My <b>title</b>"));

        assertThat(YouTubeUpload.title(plain)).isEqualTo("🎬".repeat(100));
        assertThat(YouTubeUpload.title(titled)).isEqualTo("My btitle/b");
        assertThat(YouTubeUpload.videoResource(titled))
                .extracting(
                        resource -> ((Map<?, ?>) Objects.requireNonNull(resource.get("status"))).get("privacyStatus"))
                .isEqualTo("public");
    }

    @Test
    void aTimeoutWhileGoogleTakesTheBytesIsUnknownButFailuresBeforeAreNot() {
        google.stubFor(get(urlPathEqualTo("/media/clip.mp4"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(new byte[1024])));
        google.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader(
                                "Location",
                                google.baseUrl() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=slow")));
        google.stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos"))
                .willReturn(okJson("{\"id\": \"late\"}").withFixedDelay(1500)));

        PlatformError timeout =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("clip.mp4")));
        assertThat(timeout.kind()).isEqualTo(PlatformError.Kind.UNKNOWN);

        google.stubFor(
                get(urlPathEqualTo("/media/gone.mp4")).willReturn(aResponse().withStatus(404)));
        assertThat(catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("gone.mp4")))
                        .kind())
                .isEqualTo(PlatformError.Kind.TERMINAL);
        PlatformError noVideo = catchThrowableOfType(
                PlatformError.class, () -> provider.publish(ACCOUNT, Publication.text("just text")));
        assertThat(noVideo.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(noVideo).hasMessageContaining("videos");
    }

    @Test
    void googlesReasonsDecideHowLongToWait() {
        google.stubFor(get(urlPathEqualTo("/media/clip.mp4"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withBody(new byte[16])));

        stubUploadSession(googleError(
                403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota."));
        PlatformError quota =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("clip.mp4")));
        assertThat(quota.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(quota.retryAfter()).isEqualTo(Duration.ofHours(19));
        assertThat(quota).hasMessageContaining("exceeded your quota");

        stubUploadSession(googleError(403, "rateLimitExceeded", "Rate limit exceeded"));
        assertThat(catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("clip.mp4")))
                        .kind())
                .isEqualTo(PlatformError.Kind.RETRYABLE);

        stubUploadSession(googleError(429, "userRateLimitExceeded", "User rate limit exceeded")
                .withHeader("Retry-After", "20"));
        assertThat(catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("clip.mp4")))
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(20));

        stubUploadSession(
                googleError(400, "uploadLimitExceeded", "The user has exceeded the number of videos they may upload."));
        PlatformError uploads =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("clip.mp4")));
        assertThat(uploads.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(uploads.retryAfter()).isEqualTo(Duration.ofHours(1));

        stubUploadSession(googleError(401, "authError", "Invalid Credentials"));
        assertThat(catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("clip.mp4")))
                        .isTokenRejected())
                .isTrue();

        stubUploadSession(
                googleError(400, "invalidTitle", "The request metadata specifies an invalid or empty video title."));
        PlatformError invalid =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("clip.mp4")));
        assertThat(invalid.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(invalid.isTokenRejected()).isFalse();
        assertThat(invalid).hasMessageContaining("invalid or empty video title");

        stubUploadSession(googleError(503, "backendError", "Backend Error"));
        assertThat(catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, clip("clip.mp4")))
                        .kind())
                .isEqualTo(PlatformError.Kind.RETRYABLE);
    }

    @Test
    void theQuotaResetIsTheNextMidnightInLosAngelesWhateverTheSeason() {
        var winter =
                new YouTubeApi(RestClient.create(), Clock.fixed(Instant.parse("2026-01-15T07:30:00Z"), ZoneOffset.UTC));
        var spring = new YouTubeApi(RestClient.create(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(winter.untilQuotaResets()).isEqualTo(Duration.ofMinutes(30));
        assertThat(spring.untilQuotaResets()).isEqualTo(Duration.ofHours(19));
    }

    @Test
    void aPublishedVideoIsFoundInTheUploadsPlaylistByItsTitle() {
        stubUploads();

        assertThat(provider.findPublished(
                        ACCOUNT, new Publication("Launch day\nmore", List.of(), Map.of()), NOW.minusSeconds(120)))
                .contains("dQw4w9WgXcQ");
        assertThat(provider.findPublished(
                        ACCOUNT, new Publication("Old video", List.of(), Map.of()), NOW.minusSeconds(120)))
                .isEmpty();
    }

    @Test
    void deletingAVideoThatIsAlreadyGoneSucceeds() {
        google.stubFor(delete(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("id", equalTo("dQw4w9WgXcQ"))
                .willReturn(aResponse().withStatus(204)));
        google.stubFor(delete(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("id", equalTo("gone0000000"))
                .willReturn(googleError(404, "videoNotFound", "Video not found")));

        provider.delete(ACCOUNT, "dQw4w9WgXcQ");
        provider.delete(ACCOUNT, "gone0000000");

        google.verify(2, deleteRequestedFor(urlPathEqualTo("/youtube/v3/videos")));
    }

    @Test
    void metricsAreChannelStatisticsWithTheLast28DaysFromAnalytics() {
        stubChannel();
        google.stubFor(get(urlPathEqualTo("/v2/reports"))
                .withQueryParam("ids", equalTo("channel==MINE"))
                .withQueryParam("metrics", equalTo("views,likes,comments,shares,subscribersGained,subscribersLost"))
                .willReturn(okJson("""
                        {"kind": "youtubeAnalytics#resultTable",
                         "columnHeaders": [{"name": "views", "columnType": "METRIC", "dataType": "INTEGER"},
                           {"name": "likes", "columnType": "METRIC", "dataType": "INTEGER"},
                           {"name": "comments", "columnType": "METRIC", "dataType": "INTEGER"},
                           {"name": "shares", "columnType": "METRIC", "dataType": "INTEGER"},
                           {"name": "subscribersGained", "columnType": "METRIC", "dataType": "INTEGER"},
                           {"name": "subscribersLost", "columnType": "METRIC", "dataType": "INTEGER"}],
                         "rows": [[52000, 2100, 340, 90, 410, 35]]}""")));

        SocialProvider.Metrics metrics = provider.metrics(ACCOUNT).orElseThrow();

        assertThat(metrics.followers()).isEqualTo(15400);
        assertThat(metrics.posts()).isEqualTo(87);
        assertThat(metrics.reach()).isEqualTo(52000);
        assertThat(metrics.engagement()).isEqualTo(2100 + 340 + 90);
        assertThat(metrics.extra())
                .containsEntry("period_subscribers_gained", 410L)
                .containsEntry("period_subscribers_lost", 35L)
                .containsEntry("view_count", 3_200_000L)
                .containsEntry("hidden_subscriber_count", false);
        var report =
                google.findAll(getRequestedFor(urlPathEqualTo("/v2/reports"))).get(0);
        assertThat(LocalDate.parse(report.queryParameter("endDate").firstValue()))
                .isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(LocalDate.parse(report.queryParameter("startDate").firstValue()))
                .isEqualTo(LocalDate.parse("2026-02-11"));

        google.stubFor(get(urlPathEqualTo("/v2/reports")).willReturn(googleError(403, "forbidden", "Forbidden")));
        assertThat(provider.metrics(ACCOUNT).orElseThrow().extra()).containsKey("analytics_unavailable");
    }

    @Test
    void theAudienceIsViewersByAgeAndGenderAndViewsByCountry() {
        google.stubFor(get(urlPathEqualTo("/v2/reports"))
                .withQueryParam("dimensions", equalTo("country"))
                .withQueryParam("metrics", equalTo("views"))
                .willReturn(okJson("""
                        {"columnHeaders": [{"name": "country"}, {"name": "views"}],
                         "rows": [["US", 600], ["DE", 300], ["FR", 100]]}""")));
        google.stubFor(get(urlPathEqualTo("/v2/reports"))
                .withQueryParam("dimensions", equalTo("ageGroup,gender"))
                .withQueryParam("metrics", equalTo("viewerPercentage"))
                .willReturn(okJson("""
                        {"columnHeaders": [{"name": "ageGroup"}, {"name": "gender"}, {"name": "viewerPercentage"}],
                         "rows": [["age18-24", "female", 20.0], ["age18-24", "male", 30.0], ["age65-", "male", 50.0]]}""")));

        SocialProvider.Audience audience = provider.audience(ACCOUNT).orElseThrow();

        assertThat(audience.countries())
                .containsEntry("US", 600L)
                .containsEntry("DE", 300L)
                .containsEntry("FR", 100L);
        assertThat(audience.ageRanges()).containsEntry("18-24", 500L).containsEntry("65+", 500L);
        assertThat(audience.genders()).containsEntry("female", 200L).containsEntry("male", 800L);
        assertThat(audience.date()).isEqualTo(LocalDate.parse("2026-03-10"));
    }

    @Test
    void recentUploadsCarryTheirStatisticsWithViewsAsReach() {
        stubUploads();
        google.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("part", equalTo("statistics,snippet"))
                .willReturn(okJson("""
                        {"items": [
                          {"id": "dQw4w9WgXcQ", "snippet": {"title": "Launch day", "publishedAt": "2026-03-10T11:59:00Z"},
                           "statistics": {"viewCount": "2000", "likeCount": "150", "favoriteCount": "0", "commentCount": "50"}},
                          {"id": "0ld0ld0ld00", "snippet": {"title": "Old video", "publishedAt": "2025-12-01T10:00:00Z"},
                           "statistics": {"viewCount": "0", "commentCount": "0"}}]}""")));

        List<SocialProvider.Content> recent = provider.recentContent(ACCOUNT, 10);

        assertThat(recent)
                .extracting(SocialProvider.Content::platformPostId)
                .containsExactly("dQw4w9WgXcQ", "0ld0ld0ld00");
        assertThat(recent.get(0).reach()).isEqualTo(2000);
        assertThat(recent.get(0).likes()).isEqualTo(150);
        assertThat(recent.get(0).engagementRate()).isEqualTo(10.0);
        assertThat(recent.get(0).url()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        google.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("id", equalTo("dQw4w9WgXcQ,0ld0ld0ld00")));
        assertThat(provider.content(ACCOUNT, "dQw4w9WgXcQ")).isPresent();
    }

    @Test
    void repliesGoUnderAVideoOrUnderACommentAndLikesRateTheVideo() {
        google.stubFor(post(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("part", equalTo("snippet"))
                .withRequestBody(equalToJson("""
                        {"snippet": {"videoId": "dQw4w9WgXcQ", "topLevelComment": {"snippet": {"textOriginal": "Thanks!"}}}}"""))
                .willReturn(okJson("{\"kind\": \"youtube#commentThread\", \"id\": \"UgxThread123\"}")));
        google.stubFor(post(urlPathEqualTo("/youtube/v3/comments"))
                .withQueryParam("part", equalTo("snippet"))
                .withRequestBody(
                        equalToJson(
                                "{\"snippet\": {\"parentId\": \"UgzTopLevel4AaABAg\", \"textOriginal\": \"Glad you liked it\"}}"))
                .willReturn(okJson("{\"kind\": \"youtube#comment\", \"id\": \"UgzTopLevel4AaABAg.9reply\"}")));
        google.stubFor(post(urlPathEqualTo("/youtube/v3/videos/rate"))
                .withQueryParam("id", equalTo("dQw4w9WgXcQ"))
                .withQueryParam("rating", equalTo("like"))
                .willReturn(aResponse().withStatus(204)));

        assertThat(provider.act(ACCOUNT, new SocialProvider.Action("reply", "dQw4w9WgXcQ", null, "Thanks!")))
                .isEqualTo("UgxThread123");
        assertThat(provider.act(
                        ACCOUNT,
                        new SocialProvider.Action("reply", "UgzTopLevel4AaABAg.9other", null, "Glad you liked it")))
                .isEqualTo("UgzTopLevel4AaABAg.9reply");
        assertThat(provider.act(ACCOUNT, new SocialProvider.Action("like", "dQw4w9WgXcQ", null, null)))
                .isEqualTo("dQw4w9WgXcQ");
        assertThat(catchThrowableOfType(
                                PlatformError.class,
                                () -> provider.act(ACCOUNT, new SocialProvider.Action("dm", null, "someone", "hi")))
                        .kind())
                .isEqualTo(PlatformError.Kind.TERMINAL);
    }

    @Test
    void newCommentsArePolledNewestFirstUntilTheLastRound() {
        google.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("allThreadsRelatedToChannelId", equalTo(CHANNEL))
                .withQueryParam("order", equalTo("time"))
                .willReturn(okJson("""
                        {"items": [
                          %s,
                          %s,
                          %s]}""".formatted(
                        thread("UgNew2", "dQw4w9WgXcQ", "UCfan2", "Bea", "Second!", "2026-03-10T11:50:00Z"),
                        thread("UgMine", "dQw4w9WgXcQ", CHANNEL, "Ada Codes", "Thanks all", "2026-03-10T11:45:00Z"),
                        thread("UgOld1", "dQw4w9WgXcQ", "UCfan1", "Cy", "First", "2026-03-10T10:00:00Z")))));

        List<SocialProvider.PolledEvent> events = provider.poll(ACCOUNT, Instant.parse("2026-03-10T11:00:00Z"));

        assertThat(events).hasSize(1);
        SocialProvider.PolledEvent event = events.get(0);
        assertThat(event.externalId()).isEqualTo("UgNew2");
        assertThat(event.type()).isEqualTo("new_comment");
        assertThat(event.payload())
                .containsEntry("video_id", "dQw4w9WgXcQ")
                .containsEntry("author", "Bea")
                .containsEntry("text", "Second!")
                .containsEntry("author_channel_id", "UCfan2");
    }

    private static String thread(String id, String video, String authorChannel, String author, String text, String at) {
        return """
                {"kind": "youtube#commentThread", "id": "%1$s",
                 "snippet": {"channelId": "%7$s", "videoId": "%2$s",
                   "topLevelComment": {"kind": "youtube#comment", "id": "%1$s",
                     "snippet": {"videoId": "%2$s", "textDisplay": "%5$s", "textOriginal": "%5$s", "authorDisplayName": "%4$s",
                                 "authorChannelId": {"value": "%3$s"}, "publishedAt": "%6$s", "updatedAt": "%6$s"}},
                   "totalReplyCount": 0}}""".formatted(id, video, authorChannel, author, text, at, CHANNEL);
    }

    private void stubChannel() {
        google.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .withHeader("Authorization", equalTo("Bearer ya29.youtube"))
                .willReturn(okJson("""
                        {"kind": "youtube#channelListResponse", "items": [{"kind": "youtube#channel", "id": "%s",
                          "snippet": {"title": "Ada Codes", "customUrl": "@adacodes",
                                      "thumbnails": {"default": {"url": "https://yt3.ggpht.com/ada=s88"}}},
                          "statistics": {"viewCount": "3200000", "subscriberCount": "15400", "hiddenSubscriberCount": false,
                                         "videoCount": "87"}}]}""".formatted(CHANNEL))));
    }

    private void stubUploads() {
        google.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .withQueryParam("part", equalTo("contentDetails"))
                .withQueryParam("id", equalTo(CHANNEL))
                .willReturn(okJson("""
                        {"items": [{"id": "%s", "contentDetails": {"relatedPlaylists": {"likes": "", "uploads": "UUx7Zt0Kc2n1nB1bKQbQ5T2w"}}}]}""".formatted(CHANNEL))));
        google.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems"))
                .withQueryParam("playlistId", equalTo("UUx7Zt0Kc2n1nB1bKQbQ5T2w"))
                .willReturn(okJson("""
                        {"items": [
                          {"snippet": {"publishedAt": "2026-03-10T11:59:00Z", "title": "Launch day",
                                       "resourceId": {"kind": "youtube#video", "videoId": "dQw4w9WgXcQ"}},
                           "contentDetails": {"videoId": "dQw4w9WgXcQ"}},
                          {"snippet": {"publishedAt": "2025-12-01T10:00:00Z", "title": "Old video",
                                       "resourceId": {"kind": "youtube#video", "videoId": "0ld0ld0ld00"}},
                           "contentDetails": {"videoId": "0ld0ld0ld00"}}]}""")));
    }

    private void stubUploadSession(ResponseDefinitionBuilder response) {
        google.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos")).willReturn(response));
    }

    private static ResponseDefinitionBuilder googleError(int status, String reason, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                {"error": {"code": %d, "message": "%s",
                  "errors": [{"message": "%s", "domain": "youtube.quota", "reason": "%s"}]}}""".formatted(status, message, message, reason));
    }

    private Publication clip(String file) {
        return new Publication(
                "A clip",
                List.of(new Publication.Medium("video", google.baseUrl() + "/media/" + file, "mp4")),
                Map.of());
    }

    private static Map<String, String> query(String query) {
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
