package io.reach.podcasts;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No podcast (or episode) of this id in the workspace (404). */
public class PodcastNotFound extends NotFoundException {

    private PodcastNotFound(String what, UUID id) {
        super(what, id);
    }

    static PodcastNotFound forId(UUID id) {
        return new PodcastNotFound("Podcast", id);
    }

    static PodcastNotFound episodeForId(UUID id) {
        return new PodcastNotFound("Episode", id);
    }
}
