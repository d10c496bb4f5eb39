package io.reach.publishing;

import io.reach.social.PlatformError;
import io.reach.social.Publication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a stored variant (text, media_refs, metadata) into what the platform is sent. */
@Component
class Publications {

    private final JsonMapper json;

    Publications(JsonMapper json) {
        this.json = json;
    }

    Publication of(PublishJobs.Job job) {
        List<Publication.Medium> media = new ArrayList<>();
        int index = 0;
        for (JsonNode ref : json.readTree(job.mediaRefs())) {
            if (!ref.path("url").isString()) {
                throw new PlatformError(
                        PlatformError.Kind.TERMINAL,
                        null,
                        null,
                        "media[" + index + "] has no url, so there is nothing to send");
            }
            media.add(new Publication.Medium(
                    ref.path("type").asString("image"),
                    ref.get("url").asString(),
                    ref.path("format").isString() ? ref.get("format").asString() : null));
            index++;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = json.readValue(job.variantMetadata(), Map.class);
        return new Publication(job.text(), media, metadata);
    }
}
