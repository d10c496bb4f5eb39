package io.reach.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import io.reach.platform.web.FieldError;

class SocialChannelTest {

    private static final SocialChannel X = channel("x", "X", 280, 0, 4, List.of("image", "video"), 140);
    private static final SocialChannel INSTAGRAM = channel("instagram", "Instagram", 2200, 1, 10, List.of("image", "video"), 900);
    private static final SocialChannel YOUTUBE = channel("youtube", "YouTube", 5000, 1, 1, List.of("video"), 43200);

    @Property
    void textUpToTheLimitIsAcceptedAndBeyondItIsNot(@ForAll @IntRange(min = 0, max = 600) int length) {
        List<FieldError> problems = X.problemsWith(new SocialChannel.Variant("a".repeat(length), List.of()));

        assertThat(problems.isEmpty()).isEqualTo(length <= 280);
        if (length > 280) {
            assertThat(problems).extracting(FieldError::field).containsExactly("text");
        }
    }

    @Test
    void charactersAreCountedAsPeopleSeeThem() {
        String emoji = "\uD83D\uDE80".repeat(280);

        assertThat(X.problemsWith(new SocialChannel.Variant(emoji, List.of()))).isEmpty();
        assertThat(X.problemsWith(new SocialChannel.Variant(emoji + "!", List.of()))).hasSize(1);
    }

    @Property
    void instagramNeedsOneToTenMedia(@ForAll @IntRange(min = 0, max = 15) int count) {
        var media = Collections.nCopies(count, new SocialChannel.Media("image", "jpg", null));

        List<FieldError> problems = INSTAGRAM.problemsWith(new SocialChannel.Variant("hello", media));

        assertThat(problems.isEmpty()).isEqualTo(count >= 1 && count <= 10);
    }

    @Test
    void mediaTypesFormatsAndLengthsAreChecked() {
        var variant = new SocialChannel.Variant("A video", List.of(new SocialChannel.Media("image", "png", null)));
        var longVideo = new SocialChannel.Variant("Long", List.of(new SocialChannel.Media("video", "mp4", 200)));
        var oddFormat = new SocialChannel.Variant("Odd", List.of(new SocialChannel.Media("video", "flv", 10)));

        assertThat(YOUTUBE.problemsWith(variant)).extracting(FieldError::field).containsExactly("media[0].type");
        assertThat(X.problemsWith(longVideo)).extracting(FieldError::field).containsExactly("media[0].duration_seconds");
        assertThat(X.problemsWith(oddFormat)).extracting(FieldError::field).containsExactly("media[0].format");
    }

    private static SocialChannel channel(String name, String display, int maxText, int minMedia, int maxMedia,
            List<String> types, int maxVideo) {
        return new SocialChannel(UUID.randomUUID(), name, display, "https://" + name, "https://api." + name, null, true,
                true, maxVideo, List.of("mp4", "mov"), maxText, minMedia, maxMedia, types, Instant.EPOCH, Instant.EPOCH);
    }
}
