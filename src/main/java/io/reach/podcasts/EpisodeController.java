package io.reach.podcasts;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A podcast's episodes. */
@RestController
@Tag(name = "Podcasts")
@SecurityRequirement(name = "bearer")
class EpisodeController {

    private final PodcastCatalog catalog;

    EpisodeController(PodcastCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping("/api/v1/podcasts/{id}/episodes")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Add an episode (a guid of its own unless given)")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "409", description = "The podcast has an episode with this guid")
    ResponseEntity<PodcastCatalog.EpisodeView> create(@PathVariable UUID id, @RequestBody EpisodeInput request) {
        PodcastCatalog.EpisodeView added = catalog.addEpisode(id, EpisodeDetails.checked(request));
        return ResponseEntity.created(
                        URI.create("/api/v1/episodes/" + added.episode().id()))
                .body(added);
    }

    @GetMapping("/api/v1/podcasts/{id}/episodes")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "A podcast's episodes, newest added first")
    CursorPage<Episode> list(@PathVariable UUID id, PageRequest page) {
        return catalog.episodes(id, page);
    }

    @GetMapping("/api/v1/episodes/{id}")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "An episode with every audio address it has had")
    PodcastCatalog.EpisodeView get(@PathVariable UUID id) {
        return catalog.episode(id);
    }

    @PostMapping("/api/v1/episodes/{id}/audio-facts")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "Measure the episode's audio: file_bytes (HEAD), id3_bytes, bitrate and threshold_bytes (the ID3"
                    + " tag and one minute of audio, or the whole file) from its first bytes")
    PodcastCatalog.EpisodeView measure(@PathVariable UUID id) {
        return catalog.measureAudio(id);
    }

    @DeleteMapping("/api/v1/episodes/{id}")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Delete an episode")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        catalog.deleteEpisode(id);
        return ResponseEntity.noContent().build();
    }
}
