package io.reach.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.web.FieldError;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SocialChannelTest {

    private static final SocialChannel X = channel("x", "X", 280, 0, 4, List.of("image", "video"), 140);
    private static final SocialChannel INSTAGRAM =
            channel("instagram", "Instagram", 2200, 1, 10, List.of("image", "video"), 900);
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
    void xWeighsTextItsOwnWayUrlsCount23EmojiAndCjk2() {
        String url = "https://example.com/" + "a-very-long-path/".repeat(10);
        String withUrl = "a".repeat(256) + " " + url;
        String emoji = "\uD83D\uDE80".repeat(140);
        String cjk = "\u65E5\u672C".repeat(70);

        assertThat(X.problemsWith(new SocialChannel.Variant(withUrl, List.of())))
                .as("256 + 1 + 23")
                .isEmpty();
        assertThat(X.problemsWith(new SocialChannel.Variant(withUrl + "!", List.of())))
                .hasSize(1);
        assertThat(X.problemsWith(new SocialChannel.Variant(emoji, List.of())))
                .as("140 emoji weigh 280")
                .isEmpty();
        assertThat(X.problemsWith(new SocialChannel.Variant(emoji + "!", List.of())))
                .extracting(FieldError::message)
                .containsExactly("is 281 weighted characters (URLs 23, emoji and CJK 2); " + "X allows 280");
        assertThat(X.problemsWith(new SocialChannel.Variant(cjk + "\u8A9E", List.of())))
                .as("141 CJK weigh 282")
                .hasSize(1);
    }

    @Test
    void otherPlatformsCountTheirOwnUnits() {
        SocialChannel threads = channel("threads", "Threads", 500, 0, 10, List.of("image", "video"), 300);
        SocialChannel tiktok = channel("tiktok", "TikTok", 2200, 1, 1, List.of("video"), 600);
        String rocket = "\uD83D\uDE80";

        assertThat(threads.problemsWith(new SocialChannel.Variant(rocket.repeat(500), List.of())))
                .as("code points")
                .isEmpty();
        assertThat(tiktok.problemsWith(new SocialChannel.Variant(
                        rocket.repeat(1101), List.of(new SocialChannel.Media("video", "mp4", 10)))))
                .as("UTF-16 units")
                .hasSize(1);
        var video = List.of(new SocialChannel.Media("video", "mp4", 10));
        assertThat(YOUTUBE.problemsWith(new SocialChannel.Variant("\u00E9".repeat(2500), video)))
                .as("bytes")
                .isEmpty();
        assertThat(YOUTUBE.problemsWith(new SocialChannel.Variant("\u00E9".repeat(2501), video)))
                .hasSize(1);
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
        assertThat(X.problemsWith(longVideo))
                .extracting(FieldError::field)
                .containsExactly("media[0].duration_seconds");
        assertThat(X.problemsWith(oddFormat)).extracting(FieldError::field).containsExactly("media[0].format");
    }

    private static SocialChannel channel(
            String name, String display, int maxText, int minMedia, int maxMedia, List<String> types, int maxVideo) {
        return new SocialChannel(
                UUID.randomUUID(),
                name,
                display,
                "https://" + name,
                "https://api." + name,
                null,
                true,
                true,
                maxVideo,
                List.of("mp4", "mov"),
                maxText,
                minMedia,
                maxMedia,
                types,
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
