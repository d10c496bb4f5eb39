package io.reach.social.platform.meta;

import io.reach.social.PlatformError;
import java.time.Duration;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Publishing through media containers (Instagram, Threads): a container is made from the text and
 * the media's URLs, Meta fetches and processes the media, and the container is then published.
 * Its status is asked a few times with a short pause: FINISHED (or PUBLISHED) goes on, ERROR is
 * terminal (the media will not do), EXPIRED and a container still IN_PROGRESS after the last check
 * are retryable ("media still processing"): nothing was published, and the next attempt makes a
 * new container. Only the publish call itself may have acted when it goes unanswered.
 */
final class MediaContainers {

    private final MetaGraphPlatform graph;
    private final String version;
    private final String createEdge;
    private final String statusFields;
    private final String statusField;
    private final String publishEdge;
    private final int checks;
    private final Duration pause;

    /**
     * @param createEdge the user's edge that makes containers ({@code media}, {@code threads})
     * @param statusFields what to read of a container; its first field is the status
     *        ({@code status_code} on Instagram, {@code status} on Threads)
     * @param publishEdge the user's edge that publishes one ({@code media_publish}, {@code threads_publish})
     */
    MediaContainers(
            MetaGraphPlatform graph,
            String version,
            String createEdge,
            String statusFields,
            String publishEdge,
            int checks,
            Duration pause) {
        this.graph = graph;
        this.version = version;
        this.createEdge = createEdge;
        this.statusFields = statusFields;
        this.statusField = statusFields.split(",")[0];
        this.publishEdge = publishEdge;
        this.checks = Math.max(1, checks);
        this.pause = pause;
    }

    /** Makes a container; returns its id. */
    String make(String token, String user, MultiValueMap<String, String> container) {
        return graph.idOf(
                graph.send(
                        token,
                        uri -> uri.path(version + "/{user}/" + createEdge).build(user),
                        container,
                        false),
                "media container");
    }

    /** Waits until the container is processed, then publishes it; returns the published post's id. */
    String publish(String token, String user, String containerId) {
        awaitFinished(token, containerId);
        return graph.idOf(
                graph.send(
                        token,
                        uri -> uri.path(version + "/{user}/" + publishEdge).build(user),
                        MetaGraphPlatform.form("creation_id", containerId),
                        true),
                "post");
    }

    void awaitFinished(String token, String containerId) {
        for (int check = 1; check <= checks; check++) {
            JsonNode container = graph.read(
                    token,
                    uri -> uri.path(version + "/{container}")
                            .queryParam("fields", statusFields)
                            .build(containerId));
            switch (container.path(statusField).asString("")) {
                case "FINISHED", "PUBLISHED" -> {
                    return;
                }
                case "ERROR" ->
                    throw new PlatformError(
                            PlatformError.Kind.TERMINAL,
                            null,
                            null,
                            graph.label + " could not process the media of container " + containerId + ": "
                                    + reason(container));
                case "EXPIRED" ->
                    throw new PlatformError(
                            PlatformError.Kind.RETRYABLE,
                            null,
                            null,
                            graph.label + " media container " + containerId + " expired before it was published");
                default -> {
                    if (check < checks) {
                        sleep();
                    }
                }
            }
        }
        throw new PlatformError(
                PlatformError.Kind.RETRYABLE,
                null,
                null,
                graph.label + " media still processing" + " (container " + containerId + " not ready after " + checks
                        + " checks)");
    }

    /** Instagram puts the reason in {@code status} ("Error: …"), Threads in {@code error_message}. */
    private String reason(JsonNode container) {
        for (String field : statusFields.split(",")) {
            if (!field.equals(statusField) && container.path(field).isString()) {
                return container.get(field).asString();
            }
        }
        return "no reason given";
    }

    private void sleep() {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformError(PlatformError.Kind.RETRYABLE, null, null, "Interrupted while waiting for media");
        }
    }
}
