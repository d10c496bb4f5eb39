package io.reach.publishing;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.reach.social.SocialChannel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Posts and their workflow: draft, submit, approve or send back, schedule, cancel; listed as a calendar and as an approval queue. */
@RestController
@RequestMapping("/api/v1/posts")
@Tag(name = "Posts")
@SecurityRequirement(name = "bearer")
class PostController {

    private final PostWorkflow workflow;

    PostController(PostWorkflow workflow) {
        this.workflow = workflow;
    }

    record MediaInput(
            @NotNull @Pattern(regexp = "image|video") String type,
            @Pattern(regexp = "[A-Za-z0-9]{1,10}") @Nullable String format,
            @PositiveOrZero @Nullable Integer durationSeconds,
            @Size(max = 2048) @Nullable String url) {}

    record VariantRequest(
            @NotNull UUID socialAccountId,
            @NotNull @Size(max = 100_000) String text,
            @NotNull @Size(max = 50) List<@NotNull @Valid MediaInput> media,
            @Nullable JsonNode metadata) {}

    record CreatePost(
            @Size(max = 200) @Nullable String title,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid VariantRequest> variants) {}

    record Schedule(
            @Nullable Instant scheduledAt,
            @Nullable LocalDateTime localTime,
            @Size(max = 64) @Nullable String timeZone) {}

    record Reject(@NotNull @Size(min = 1, max = 1000) String reason) {}

    record PostView(
            UUID id,
            UUID createdBy,
            @Nullable String title,
            PostStatus status,
            @Nullable Instant submittedAt,
            @Nullable UUID approvedBy,
            @Nullable Instant approvedAt,
            @Nullable String rejectionReason,
            @Nullable Instant scheduledAt,
            @Nullable String timeZone,
            @Nullable Instant publishedAt,
            Instant createdAt,
            Instant updatedAt,
            List<Posts.Variant> variants) {}

    @PostMapping
    @RequiresPermission(resource = "posts", action = "write")
    @Operation(summary = "Create a draft with one variant per account; each variant is checked against its platform")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<PostView> create(
            @SignedInMember UserPrincipal member,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                    {"title": "Launch day", "variants": [{"social_account_id": "0193a0c0-0000-7000-8000-000000000001",
                     "text": "We are live: https://example.com/spring", "media": []}]}""")))
                    @Valid
                    @RequestBody
                    CreatePost request) {
        UUID id = workflow.create(member, request.title(), inputs(request));
        return ResponseEntity.created(URI.create("/api/v1/posts/" + id)).body(view(id));
    }

    @PutMapping("/{id}")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Replace a draft's or approved post's title and variants; it goes back to draft")
    PostView edit(@SignedInMember UserPrincipal member, @PathVariable UUID id, @Valid @RequestBody CreatePost request) {
        workflow.edit(member, id, request.title(), inputs(request));
        return view(id);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Delete a post that is not scheduled (cancel it first); what was published stays on record")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> delete(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        workflow.delete(member, id);
        return ResponseEntity.noContent().build();
    }

    private static List<PostWorkflow.VariantInput> inputs(CreatePost request) {
        return request.variants().stream()
                .map(v -> new PostWorkflow.VariantInput(
                        v.socialAccountId(),
                        v.text(),
                        v.media().stream()
                                .map(m -> new SocialChannel.Media(m.type(), m.format(), m.durationSeconds()))
                                .toList(),
                        mediaRefs(v.media()),
                        v.metadata() == null || !v.metadata().isObject()
                                ? JsonNodeFactory.instance.objectNode()
                                : v.metadata()))
                .toList();
    }

    @GetMapping
    @RequiresPermission(resource = "posts", action = "read")
    @Operation(summary = "Posts by status and scheduled time (a calendar with from/to)")
    CursorPage<Post> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            PageRequest page) {
        PostStatus wanted = status == null ? null : statusOf(status);
        return workflow.posts(page, wanted, from, to);
    }

    @GetMapping("/awaiting-approval")
    @RequiresPermission(resource = "posts", action = "read")
    @Operation(summary = "Submitted posts waiting for the caller's approval (owners and admins; never their own posts)")
    CursorPage<Post> awaitingApproval(@SignedInMember UserPrincipal member, PageRequest page) {
        return workflow.awaitingApproval(member, page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    @Operation(summary = "A post with its variants")
    PostView get(@PathVariable UUID id) {
        return view(id);
    }

    record JobView(
            UUID id,
            UUID postVariantId,
            UUID socialAccountId,
            String platform,
            Instant scheduledAt,
            String status,
            int attempt,
            @Nullable String providerJobId,
            @Nullable String lastError,
            @Nullable String lastErrorKind,
            @Nullable Integer lastHttpStatus,
            @Nullable Instant publishedAt,
            @Nullable Instant nextAttemptAt,
            List<PublishJobs.Attempt> attempts) {}

    @GetMapping("/{id}/jobs")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    @Operation(
            summary = "Each variant's publishing, oldest first (one page: a job per variant, at most 20): status, "
                    + "attempts and the last error in plain words")
    CursorPage<JobView> jobs(@PathVariable UUID id) {
        return CursorPage.whole(
                workflow.jobs(id).stream().map(PostController::jobView).toList());
    }

    private static JobView jobView(PostWorkflow.JobProgress progress) {
        PublishJobs.Job job = progress.job();
        return new JobView(
                job.id(),
                job.postVariantId(),
                job.socialAccountId(),
                job.platform(),
                job.scheduledAt(),
                job.status(),
                job.attempt(),
                job.providerJobId(),
                job.lastError(),
                job.lastErrorKind(),
                job.lastHttpStatus(),
                job.publishedAt(),
                job.state() == PublishJobStatus.RETRY ? job.nextAttemptAt() : null,
                progress.attempts());
    }

    @PostMapping("/{id}/submit")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Ask for approval")
    PostView submit(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        workflow.submit(member, id);
        return view(id);
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Approve a submitted post (owners and admins; not one's own when approval is required)")
    PostView approve(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        workflow.approve(member, id);
        return view(id);
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Send a submitted post back to draft with a reason")
    PostView reject(@SignedInMember UserPrincipal member, @PathVariable UUID id, @Valid @RequestBody Reject request) {
        workflow.reject(member, id, request.reason());
        return view(id);
    }

    @PostMapping("/{id}/schedule")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Schedule at an instant, or at a local time in an IANA zone (DST handled)")
    PostView schedule(
            @SignedInMember UserPrincipal member, @PathVariable UUID id, @Valid @RequestBody Schedule request) {
        ZonedInstant at = resolve(request);
        workflow.schedule(member, id, at.instant(), at.zone());
        return view(id);
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Cancel a post that is not published")
    PostView cancel(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        workflow.cancel(member, id);
        return view(id);
    }

    record ZonedInstant(Instant instant, String zone) {}

    /**
     * An instant as given, or a local time in its zone. In a spring-forward gap the time moves
     * forward by the gap's length; in a fall-back overlap the earlier of the two instants is used.
     */
    static ZonedInstant resolve(Schedule request) {
        if (request.scheduledAt() != null) {
            return new ZonedInstant(
                    request.scheduledAt(),
                    request.timeZone() == null
                            ? "UTC"
                            : zone(request.timeZone()).getId());
        }
        if (request.localTime() == null || request.timeZone() == null) {
            throw new InvalidRequestException(
                    new FieldError("scheduled_at", "send scheduled_at, or local_time with time_zone"));
        }
        ZoneId zone = zone(request.timeZone());
        return new ZonedInstant(request.localTime().atZone(zone).toInstant(), zone.getId());
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new InvalidRequestException(
                    new FieldError("time_zone", "is not an IANA time zone such as Europe/Paris"));
        }
    }

    private static JsonNode mediaRefs(List<MediaInput> media) {
        var array = JsonNodeFactory.instance.arrayNode();
        for (MediaInput item : media) {
            var node = array.addObject().put("type", item.type());
            if (item.format() != null) {
                node.put("format", item.format());
            }
            if (item.durationSeconds() != null) {
                node.put("duration_seconds", item.durationSeconds());
            }
            if (item.url() != null) {
                node.put("url", item.url());
            }
        }
        return array;
    }

    private PostView view(UUID id) {
        PostWorkflow.PostDetails details = workflow.details(id);
        Post post = details.post();
        return new PostView(
                post.id(),
                post.createdBy(),
                post.title(),
                post.status(),
                post.submittedAt(),
                post.approvedBy(),
                post.approvedAt(),
                post.rejectionReason(),
                post.scheduledAt(),
                post.timeZone(),
                post.publishedAt(),
                post.createdAt(),
                post.updatedAt(),
                details.variants());
    }

    private static PostStatus statusOf(String code) {
        try {
            return PostStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(new FieldError(
                    "status", "must be draft, submitted, approved, scheduled, published, failed or cancelled"));
        }
    }
}
