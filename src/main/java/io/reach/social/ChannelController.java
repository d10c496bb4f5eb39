package io.reach.social;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platforms Reach publishes to, and a check of a post variant against one of them. */
@RestController
@RequestMapping("/api/v1/social/channels")
@Tag(name = "Social channels")
@SecurityRequirement(name = "bearer")
class ChannelController {

    private final SocialChannels channels;

    ChannelController(SocialChannels channels) {
        this.channels = channels;
    }

    record VariantRequest(
            @Size(max = 100_000) @Nullable String text,
            @NotNull @Size(max = 50) List<@NotNull @Valid MediaRequest> media) {}

    record MediaRequest(
            @NotNull @Pattern(regexp = "[a-z]{1,20}") String type,
            @Pattern(regexp = "[A-Za-z0-9]{1,10}") @Nullable String format,
            @PositiveOrZero @Nullable Integer durationSeconds) {}

    record Verdict(boolean valid, List<FieldError> errors) {}

    @GetMapping
    @RequiresPermission(resource = "social_accounts", action = "read")
    @Operation(summary = "Every platform with its constraints (one page)")
    CursorPage<SocialChannel> list() {
        return CursorPage.whole(channels.offered());
    }

    @GetMapping("/{name}")
    @RequiresPermission(resource = "social_accounts", action = "read")
    @Operation(summary = "One platform with its constraints")
    SocialChannel get(@PathVariable String name) {
        return channels.offeredByName(name).orElseThrow(() -> ChannelNotFound.forName(name));
    }

    @PostMapping("/{name}/validate")
    @RequiresPermission(resource = "social_accounts", action = "read")
    @Operation(summary = "Check a post variant against the platform's limits; every problem is listed")
    Verdict validate(@PathVariable String name, @Valid @RequestBody VariantRequest request) {
        SocialChannel channel = channels.offeredByName(name).orElseThrow(() -> ChannelNotFound.forName(name));
        List<FieldError> errors = channel.problemsWith(new SocialChannel.Variant(
                request.text(),
                request.media().stream()
                        .map(m -> new SocialChannel.Media(m.type(), m.format(), m.durationSeconds()))
                        .toList()));
        return new Verdict(errors.isEmpty(), errors);
    }
}
