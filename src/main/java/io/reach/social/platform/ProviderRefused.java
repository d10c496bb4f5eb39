package io.reach.social.platform;

import io.reach.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** The platform turned a request down; the detail says what it answered, in plain words. */
public class ProviderRefused extends ApiException {

    private final String detail;

    public ProviderRefused(String platform, String detail) {
        this(platform + " refused the request: " + detail);
    }

    private ProviderRefused(String detail) {
        super(HttpStatus.BAD_GATEWAY, "Platform refused", detail);
        this.detail = detail;
    }

    /** The problem's detail; never null. */
    @Override
    public String getMessage() {
        return detail;
    }
}
