package io.reach.podcasts.downloads;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** The access-log formats a log file may be imported in. */
@CheckSet(table = "podcasts.measurement_jobs", column = "log_format")
public enum LogFormat {
    /**
     * nginx or Apache "combined", optionally followed by the Range header in quotes: nginx {@code
     * '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
     * "$http_user_agent" "$http_range"'}, Apache {@code "%a %l %u %t \"%r\" %>s %B \"%{Referer}i\"
     * \"%{User-Agent}i\" \"%{Range}i\""}.
     */
    COMBINED("combined"),
    /** Amazon S3 server access logs (they do not record the Range header). */
    S3("s3"),
    /** Amazon CloudFront standard logs (W3C, tab-separated, read by their #Fields line). */
    CLOUDFRONT("cloudfront");

    private final String code;

    LogFormat(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
