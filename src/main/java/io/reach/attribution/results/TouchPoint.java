package io.reach.attribution.results;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the credit is given to: a touch's channel, campaign, podcast, episode, sponsor or insertion order (ads delivered, vanity clicks and promo codes name theirs). */
public enum TouchPoint {
    CHANNEL("channel", "channel"),
    CAMPAIGN("campaign", "campaign_id::text"),
    PODCAST("podcast", "podcast_id::text"),
    EPISODE("episode", "episode_id::text"),
    SPONSOR("sponsor", "sponsor_id::text"),
    IO_BOOKING("io_booking", "attribution_data->>'io_booking_id'");

    private final String code;
    private final String column;

    TouchPoint(String code, String column) {
        this.code = code;
        this.column = column;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The expression of {@code attribution.events} that names the point. */
    String column() {
        return column;
    }
}
