package io.reach.attribution.results;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** Where an attribution analysis job is. */
@CheckSet(table = "attribution.analysis_jobs", column = "status")
public enum AnalysisStatus {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String code;

    AnalysisStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
