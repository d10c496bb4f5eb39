package io.reach.podcasts.counting;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a request did not count as a download, in the order the checks run: first the guidelines'
 * filters (each request on its own), then the episode's threshold and the window.
 */
public enum Reason {
    /** Not a GET (a HEAD transfers nothing). */
    METHOD("method"),
    /** Answered with something other than 200 or 206 (a 304, an error). */
    STATUS("status"),
    /** {@code Range: bytes=0-1}: a probe, not a download. */
    RANGE_0_1("range_0_1"),
    /** No user agent, or one that cannot be a real client's. */
    USER_AGENT("user_agent"),
    /** An Apple Watch's second request for what its phone downloads. */
    APPLE_WATCH("apple_watch"),
    /** A bot by the OPAWG list (or a library it marks as one), or an agent calling itself a bot. */
    BOT("bot"),
    /** From a data centre's network (the bundled list). */
    DATACENTER("datacenter"),
    /** From a network of an installation-wide or workspace IP list. */
    IP_LIST("ip_list"),
    /** From a household whose spike the workspace excluded. */
    SPIKE("spike"),
    /** For an episode whose threshold is not known (measure its audio, then recount). */
    UNMEASURED_EPISODE("unmeasured_episode"),
    /** Inside a window in which this listener's download of the episode already counted. */
    DUPLICATE("duplicate"),
    /** Its bytes helped a download that counted at a later request. */
    PARTIAL("partial"),
    /** The bytes delivered in its window never reached the episode's threshold. */
    BELOW_THRESHOLD("below_threshold");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
