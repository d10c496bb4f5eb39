package io.reach.measurement.rollup;

import io.reach.platform.CheckSet;

/** The two rollups a watermark tracks: hourly (in UTC) and daily (days of the site's zone). */
@CheckSet(table = "measurement.rollup_watermarks", column = "rollup")
enum RollupGrain {
    HOURLY,
    DAILY;

    String code() {
        return name().toLowerCase();
    }
}
