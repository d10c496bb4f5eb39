package io.reach.podcasts.counting;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** What a listener metric row measures, per episode and day. */
@CheckSet(table = "podcasts.listener_metrics", column = "metric_name")
enum MetricName {
    /** Requests stored. */
    REQUESTS("requests"),
    /** Downloads counted (IAB). */
    DOWNLOADS("downloads"),
    /** Distinct listeners among the downloads. */
    LISTENERS("listeners"),
    /** Ads delivered inside counted downloads. */
    ADS_DELIVERED("ads_delivered"),
    /** Requests not counted; the row's data holds them by reason. */
    FILTERED("filtered");

    private final String code;

    MetricName(String code) {
        this.code = code;
    }

    @JsonValue
    String code() {
        return code;
    }
}
