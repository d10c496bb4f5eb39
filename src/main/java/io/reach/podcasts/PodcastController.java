package io.reach.podcasts;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.LargeBodies;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's podcasts: entered by hand or imported from their RSS feed. */
@RestController
@RequestMapping("/api/v1/podcasts")
@Tag(name = "Podcasts")
@SecurityRequirement(name = "bearer")
class PodcastController {

    private final PodcastCatalog catalog;

    PodcastController(PodcastCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Add a podcast by hand (its podcast_guid made from rss_feed_url when not given)")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "409", description = "The workspace has a podcast with this feed")
    ResponseEntity<Podcast> create(@RequestBody PodcastInput request) {
        Podcast podcast = catalog.create(PodcastDetails.checked(request));
        return ResponseEntity.created(URI.create("/api/v1/podcasts/" + podcast.id()))
                .body(podcast);
    }

    @PostMapping(
            path = "/import",
            consumes = {"application/rss+xml", "application/xml", "text/xml"})
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "Import a podcast and its episodes from a feed document sent as the body; rss_feed_url names"
                    + " the feed (the podcast of that feed is refreshed, episodes matched by guid)")
    @ApiResponse(responseCode = "200", description = "Imported")
    PodcastCatalog.Imported importFeed(@RequestParam(name = "rss_feed_url") String feedUrl, HttpServletRequest http)
            throws IOException {
        String url = feedUrl(feedUrl);
        return catalog.importFeed(url, FeedReader.read(http.getInputStream(), url));
    }

    /** The address of the feed to fetch and import. */
    record ImportRequest(@Nullable String rssFeedUrl) {}

    @PostMapping(path = "/import", consumes = "application/json")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "Fetch the feed at rss_feed_url (public hosts only; conditionally when already imported) and"
                    + " import the podcast and its episodes; unchanged is true when the host answered 304")
    @ApiResponse(responseCode = "200", description = "Imported")
    PodcastCatalog.Imported importFrom(@RequestBody ImportRequest request) {
        return catalog.importFrom(feedUrl(request.rssFeedUrl()));
    }

    @GetMapping
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "The workspace's podcasts, in the order they were added")
    CursorPage<Podcast> list(PageRequest page) {
        return catalog.page(page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "A podcast")
    Podcast get(@PathVariable UUID id) {
        return catalog.find(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Change a podcast (every field; the guid is kept unless given)")
    Podcast change(@PathVariable UUID id, @RequestBody PodcastInput request) {
        return catalog.change(
                id, PodcastDetails.checked(request.orGuid(catalog.find(id).podcastGuid())));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Delete a podcast and its episodes")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The feed's address as given, or a 400. */
    static String feedUrl(@Nullable String given) {
        List<FieldError> errors = new ArrayList<>();
        String url = Texts.web(given, "rss_feed_url", errors);
        if (url == null || !errors.isEmpty()) {
            throw new InvalidRequestException(new FieldError("rss_feed_url", "must be an http:// or https:// address"));
        }
        return url;
    }

    /** A feed document may be larger than an API body: 32 MiB. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Bodies {

        @org.springframework.context.annotation.Bean
        LargeBodies feedBodies() {
            return () -> Map.of("/api/v1/podcasts/import", 32L * 1024 * 1024);
        }
    }
}
