package io.reach.podcasts.counting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped OPAWG list compiles in Java and reads as its README says. */
class UserAgentListTest {

    private final UserAgentList list = new UserAgentList();

    @Test
    void everyExampleMatchesItsOwnPattern() {
        for (UserAgentList.Entry entry : list.entries()) {
            for (String example : entry.examples()) {
                assertThat(entry.pattern().matcher(example).find())
                        .as(entry.name() + " / " + example)
                        .isTrue();
            }
        }
    }

    @Test
    void botsAreReadBeforeAppsAndLibrariesByCategory() {
        assertThat(list.classify("Overcast/3.0 (+http://overcast.fm/; iOS podcast app)")
                        .kind())
                .isEqualTo(UserAgentList.Kind.APP);
        UserAgentList.Agent spotify = list.classify("Spotify/8.6.98 iOS/16.1.1 (iPhone14,5)");
        assertThat(spotify.bot()).isFalse();
        assertThat(spotify.name()).isEqualTo("Spotify");
        assertThat(spotify.deviceCategory()).isEqualTo("mobile");
        assertThat(spotify.os()).isEqualTo("iOS");
        assertThat(list.classify("curl/8.4.0").bot()).isTrue();
        assertThat(list.classify(
                                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15")
                        .kind())
                .isEqualTo(UserAgentList.Kind.BROWSER);
    }
}
