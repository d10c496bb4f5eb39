package io.reach.podcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The namespace's published vectors (Podcastindex-org/podcast-namespace, docs/tags/guid.md). */
class PodcastGuidTest {

    @Test
    void thePublishedVectors() {
        assertThat(PodcastGuid.of("mp3s.nashownotes.com/pc20rss.xml"))
                .isEqualTo(UUID.fromString("917393e3-1b1e-5cef-ace4-edaa54e1f810"));
        assertThat(PodcastGuid.of("podnews.net/rss"))
                .isEqualTo(UUID.fromString("9b024349-ccf0-5f69-a609-6b82873eab3c"));
    }

    @Test
    void theSchemeAndTrailingSlashesAreStrippedFirst() {
        assertThat(PodcastGuid.of("https://mp3s.nashownotes.com/pc20rss.xml"))
                .isEqualTo(UUID.fromString("917393e3-1b1e-5cef-ace4-edaa54e1f810"));
        assertThat(PodcastGuid.of("http://podnews.net/rss//"))
                .isEqualTo(UUID.fromString("9b024349-ccf0-5f69-a609-6b82873eab3c"));
        assertThat(PodcastGuid.of("podnews.net/rss").version()).isEqualTo(5);
        assertThat(PodcastGuid.of("podnews.net/rss").variant()).isEqualTo(2);
    }

    @Test
    void aKnownVersion5NameInTheUrlNamespace() {
        // RFC 9562, appendix A.4: "www.example.com" in the DNS namespace
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(PodcastGuid.version5(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }
}
