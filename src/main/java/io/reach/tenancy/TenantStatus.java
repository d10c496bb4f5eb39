package io.reach.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** Mirrors the {@code status} check constraint of {@code tenancy.tenants}. */
@CheckSet(table = "tenancy.tenants", column = "status")
public enum TenantStatus {
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String code;

    TenantStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    static TenantStatus ofCode(String code) {
        for (TenantStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown tenant status " + code);
    }
}
