package io.reach.podcasts.counting;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import org.jspecify.annotations.Nullable;

/** What downloads are broken down by in the reports. */
@CheckSet(table = "podcasts.download_breakdowns", column = "dimension")
public enum Dimension {
    APP("app"),
    DEVICE_CATEGORY("device_category"),
    OS("os"),
    COUNTRY("country");

    private final String code;

    Dimension(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The value of this dimension for a download ("" when unknown). */
    String of(DownloadCounter.Download download) {
        @Nullable
        String value = switch (this) {
            case APP -> download.agent().name();
            case DEVICE_CATEGORY -> download.agent().deviceCategory();
            case OS -> download.agent().os();
            case COUNTRY -> download.request().country();
        };
        return value == null ? "" : value;
    }
}
