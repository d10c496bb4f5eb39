package io.reach.podcasts.transcripts;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.podcasts.transcripts.TranscriptLibrary.SearchHit;
import io.reach.podcasts.transcripts.TranscriptLibrary.TranscriptView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Episodes' transcripts: upload, import from the feed, read, delete, and search across the workspace. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Transcripts")
class TranscriptController {

    private static final String TRANSCRIPT = "/api/v1/episodes/{id}/transcript";

    private final TranscriptLibrary library;

    TranscriptController(TranscriptLibrary library) {
        this.library = library;
    }

    @PutMapping(TRANSCRIPT)
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(
            summary = "Store the episode's transcript from the body: SRT (application/x-subrip), WebVTT (text/vtt),"
                    + " Podcasting 2.0 JSON (application/json) or plain text (text/plain); up to 1 MB")
    TranscriptView upload(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(name = "confidence_score", required = false) @Nullable BigDecimal confidence,
            @RequestBody byte[] body) {
        return library.upload(id, contentType, body, language, confidence);
    }

    @PostMapping(TRANSCRIPT + "/import")
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Fetch and store the transcript the episode's feed names (podcast:transcript)")
    TranscriptView importFromFeed(@PathVariable UUID id) {
        return library.importFromFeed(id);
    }

    @GetMapping(TRANSCRIPT)
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(summary = "The episode's transcript with a page of its segments (offset, limit ≤ 1000)")
    TranscriptView transcript(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "500") int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new InvalidRequestException(
                    new FieldError("limit", "is 1 to 1000 segments from a non-negative offset"));
        }
        return library.read(id, offset, limit);
    }

    @DeleteMapping(TRANSCRIPT)
    @RequiresPermission(resource = "podcasts", action = "write")
    @Operation(summary = "Delete the episode's transcript")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        library.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/transcripts/search")
    @RequiresPermission(resource = "podcasts", action = "read")
    @Operation(
            summary = "Segments of the workspace's transcripts matching the words (web search syntax: \"a phrase\","
                    + " or, -not), each transcript searched in its own language, best first")
    CursorPage<SearchHit> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(name = "podcast_id", required = false) @Nullable UUID podcast,
            @RequestParam(defaultValue = "20") int limit) {
        return CursorPage.whole(library.search(q, podcast, limit));
    }
}
